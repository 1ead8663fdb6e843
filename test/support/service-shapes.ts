import { randomBytes } from 'node:crypto';
import { PgSqlClient, quoteIdent } from '@referral/sql';
import { TEST_DATABASE_URL } from './databases';

/** What a shape adds to the service's environment, and how to clean up after it. */
export interface ServiceShape {
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** The embedded defaults, and the same service on the PostgreSQL server (a schema of its own), for `describe.each`. */
export const serviceShapes: Array<[string, () => Promise<ServiceShape>]> = [
  ['embedded', async () => ({ env: {}, drop: async () => undefined })],
  ['postgres', async () => {
    const schema = `e2e_${randomBytes(5).toString('hex')}`;
    const admin = new PgSqlClient({ connectionString: TEST_DATABASE_URL, maxConnections: 1 });
    await admin.exec(`CREATE SCHEMA ${quoteIdent(schema)}`);
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return {
      env: { EVENT_STORE: 'postgres', DATABASE_URL: url.toString(), PII_MASTER_KEY: randomBytes(32).toString('base64') },
      drop: async () => {
        await admin.exec(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
        await admin.close();
      },
    };
  }],
];
