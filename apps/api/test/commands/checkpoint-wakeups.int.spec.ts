import { CHECKPOINT_CHANNEL } from '@referral/projections';
import type { SqlClient } from '@referral/sql';
import { freshPostgresSchema, type TestDatabase } from '../../../../test/support/databases';
import { eventually } from '../../../../test/support/eventually';
import { CheckpointWakeups } from '../../src/commands/checkpoint-wakeups';

const LONG_FALLBACK_MS = 60_000;

describe('CheckpointWakeups', () => {
  let db: TestDatabase;
  let wakeups: CheckpointWakeups;
  afterEach(async () => {
    await wakeups.onModuleDestroy();
    await db.dispose();
  });

  it('on the PostgreSQL server, wakes the waiters of a projection at its notice, long before the fallback, and only them', async () => {
    db = await freshPostgresSchema();
    wakeups = new CheckpointWakeups(db.client);
    const woken: string[] = [];
    void wakeups.next('case_views', LONG_FALLBACK_MS).then(() => woken.push('case_views'));
    void wakeups.next('sla', LONG_FALLBACK_MS).then(() => woken.push('sla'));
    // The LISTEN starts with the first wait; a notice sent before it is listening is not heard, so send until one is.
    await eventually(async () => {
      await db.client.query('SELECT pg_notify($1, $2)', [CHECKPOINT_CHANNEL, 'sla']);
      return woken.includes('sla');
    }, { what: 'the sla waiter woken by its notice', timeoutMs: 10_000, everyMs: 100 });
    expect(woken).toEqual(['sla']);
    await db.client.query('SELECT pg_notify($1, $2)', [CHECKPOINT_CHANNEL, 'case_views']);
    await eventually(() => woken.includes('case_views'), { what: 'the case_views waiter', timeoutMs: 5_000 });
  });

  it('on a database without notices (PGlite, whose projections run in-process), answers after the fallback interval', async () => {
    const pglite = { dialect: 'pglite', query: async () => ({ rows: [], rowCount: 0 }) } as unknown as SqlClient;
    db = { name: 'pglite', client: pglite, dispose: async () => undefined };
    wakeups = new CheckpointWakeups(db.client);
    expect(wakeups.available).toBe(false);
    let woken = false;
    void wakeups.next('case_views', 20).then(() => (woken = true));
    await eventually(() => woken, { what: 'the fallback', timeoutMs: 5_000 });
  });
});
