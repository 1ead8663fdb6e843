import { randomBytes } from 'node:crypto';
import { PgSqlClient, PgliteSqlClient, quoteIdent, type SqlClient } from '@referral/sql';
import { runTemplateDump } from './pglite-template';

/** The PostgreSQL server the integration tests use (a real one; see .ci/run). */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  name: string;
  client: SqlClient;
  /** Drops what the test made and closes the connections. */
  dispose(): Promise<void>;
}

/** A fresh schema of its own on the PostgreSQL server, so suites can run side by side. */
export async function freshPostgresSchema(maxConnections = 10): Promise<TestDatabase> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new PgSqlClient({ connectionString: TEST_DATABASE_URL, maxConnections: 1 });
  await admin.exec(`CREATE SCHEMA ${quoteIdent(schema)}`);
  const client = new PgSqlClient({ connectionString: TEST_DATABASE_URL, schema, maxConnections });
  return {
    name: 'postgres',
    client,
    async dispose() {
      await client.close();
      await admin.exec(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
      await admin.close();
    },
  };
}

let emptyPglite: Promise<Blob> | undefined;

/** An empty database's data directory, made once per run (or per file outside jest): initdb is most of an open. */
function emptyPgliteDump(): Promise<Blob> {
  const made = emptyPglite ? undefined : runTemplateDump();
  if (made) emptyPglite = Promise.resolve(made);
  emptyPglite ??= PgliteSqlClient.open().then(async (template) => {
    try {
      return await template.dump();
    } finally {
      await template.close();
    }
  });
  return emptyPglite;
}

/** A fresh in-memory PGlite database. */
export async function freshPglite(): Promise<TestDatabase> {
  const client = await PgliteSqlClient.open(undefined, await emptyPgliteDump());
  return { name: 'pglite', client, dispose: () => client.close() };
}

/** Both SQL backends, for suites that must hold on each. */
export const sqlBackends: Array<[string, () => Promise<TestDatabase>]> = [
  ['pglite', freshPglite],
  ['postgres', () => freshPostgresSchema()],
];
