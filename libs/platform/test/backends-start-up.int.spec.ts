import { randomBytes } from 'node:crypto';
import { loadConfig } from '@referral/config';
import { PgSqlClient, quoteIdent } from '@referral/sql';
import type { RetryFailure } from '@referral/resilience';
import { TEST_DATABASE_URL } from '../../../test/support/databases';
import { SwitchableProxy } from '../../../test/support/switchable-proxy';
import { openBackends, type Backends } from '../src/backends';

/** The scaled shape started while its PostgreSQL server is down: it waits for it, and says so. */
describe('opening the scaled shape\'s backends while PostgreSQL is down', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new PgSqlClient({ connectionString: TEST_DATABASE_URL, maxConnections: 1 });
  let proxy: SwitchableProxy;
  let backends: Backends | undefined;
  const server = new URL(TEST_DATABASE_URL);

  const configVia = (url: URL) => {
    url.searchParams.set('options', `-c search_path=${schema},public`);
    return loadConfig({
      EVENT_STORE: 'postgres', DATABASE_URL: url.toString(), REDIS_URL: 'redis://127.0.0.1:6379', LOG_LEVEL: 'silent',
      AUTH_JWT_SECRET: 'test-secret-for-int-only-0123456789abcdef', PII_MASTER_KEY: randomBytes(32).toString('base64'),
    });
  };

  beforeAll(async () => {
    await admin.exec(`CREATE SCHEMA ${quoteIdent(schema)}`);
    proxy = await SwitchableProxy.start({ host: server.hostname, port: Number(server.port || 5432) });
  });
  afterAll(async () => {
    await backends?.close();
    await proxy.close();
    await admin.exec(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
    await admin.close();
  });

  it('waits with backoff, one report per failed attempt, and opens once the server answers', async () => {
    const viaProxy = new URL(TEST_DATABASE_URL);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const failures: RetryFailure[] = [];
    const opening = openBackends(configVia(viaProxy), {
      backoff: { initialMs: 20, maxMs: 80 },
      onUnavailable: (failure) => {
        failures.push(failure);
        if (failures.length === 3) proxy.on();
      },
    });
    backends = await opening;
    expect(failures.map((f) => f.attempt)).toEqual([1, 2, 3]);
    expect(failures.map((f) => f.retryInMs)).toEqual([20, 40, 80]);
    expect((await backends.readModels.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await backends.eventStore.ping();
  });

  it('stops at once on an error that waiting cannot mend (a database that does not exist)', async () => {
    const wrong = new URL(TEST_DATABASE_URL);
    wrong.pathname = `/no_such_db_${randomBytes(4).toString('hex')}`;
    const failures: RetryFailure[] = [];
    await expect(openBackends(configVia(wrong), { onUnavailable: (f) => failures.push(f) })).rejects.toMatchObject({ code: '3D000' });
    expect(failures).toEqual([]);
  });
});
