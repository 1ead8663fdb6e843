/**
 * The statistics benchmark's database: a fresh schema on the PostgreSQL server (as
 * `test/support/databases.ts` makes them) or an in-memory PGlite. On PostgreSQL the store is
 * written through a client of its own whose sessions skip the commit flush
 * (`synchronous_commit = off`): building the fixture is not what is measured, and tens of
 * thousands of one-statement appends would otherwise wait on the disk. Everything measured goes
 * through `client`, with the server's own settings.
 */
import { randomBytes } from 'node:crypto';
import { PgliteSqlClient, PgSqlClient, quoteIdent, type SqlClient } from '@referral/sql';
import { TEST_DATABASE_URL } from '../../support/databases';

export interface StatsBenchDatabase {
  label: string;
  /** For the measured reads, the rebuild and the reports. */
  client: SqlClient;
  /** For writing the store. */
  buildClient: SqlClient;
  /** Appends in flight while building (PGlite has one connection). */
  buildConcurrency: number;
  /** Closes the connections and drops the schema. */
  dispose(): Promise<void>;
}

export async function openStatsBenchDatabase(backend: 'postgres' | 'pglite'): Promise<StatsBenchDatabase> {
  if (backend === 'pglite') {
    const client = await PgliteSqlClient.open();
    return { label: 'PGlite (memory)', client, buildClient: client, buildConcurrency: 1, dispose: () => client.close() };
  }
  const schema = `t_stats_bench_${randomBytes(4).toString('hex')}`;
  const admin = new PgSqlClient({ connectionString: TEST_DATABASE_URL, maxConnections: 1 });
  await admin.exec(`CREATE SCHEMA ${quoteIdent(schema)}`);
  const client = new PgSqlClient({ connectionString: TEST_DATABASE_URL, schema, maxConnections: 8 });
  // Options in the connection string win over the client's own (pg's ConnectionParameters), so both go here.
  const buildUrl = new URL(TEST_DATABASE_URL);
  buildUrl.searchParams.set('options', `-c search_path=${schema},public -c synchronous_commit=off`);
  const buildClient = new PgSqlClient({ connectionString: buildUrl.toString(), schema, maxConnections: 6 });
  let closed = false;
  return {
    label: `PostgreSQL (schema ${schema})`,
    client,
    buildClient,
    buildConcurrency: 6,
    async dispose() {
      if (closed) return;
      closed = true;
      await buildClient.close().catch(() => undefined);
      await client.close().catch(() => undefined);
      await admin.exec(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
      await admin.close();
    },
  };
}
