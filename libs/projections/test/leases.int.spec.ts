import { PgSqlClient, type SqlClient } from '@referral/sql';
import { LeasedComponent, PostgresLeaseStore, fenceTransaction, type Lease, type LeaseStore, type LeaseTiming } from '@referral/projections';
import { TEST_DATABASE_URL, freshPostgresSchema } from '../../../test/support/databases';
import { eventually } from '../../../test/support/eventually';
import { seededRandom } from '../../../test/support/seeded-random';
import { openFixture, type Fixture } from './support/fixture';
import { foldTally, readTally, tallyProjection } from './support/tally-projection';
import { appendWorkload, readEverything } from './support/workload';

/** Short leases, so the takeovers here take about a second and a half. */
const TIMING: Partial<LeaseTiming> = { ttlMs: 1500, renewEveryMs: 300, retryEveryMs: 100, marginMs: 300 };

/** A lease store whose process can be cut off from the database: its calls then never answer. */
class CuttableLeases implements LeaseStore {
  cut = false;
  constructor(private readonly inner: LeaseStore) {}
  acquire(name: string, holder: string, ttlMs: number): Promise<Lease | null> {
    return this.cut ? new Promise(() => {}) : this.inner.acquire(name, holder, ttlMs);
  }
  renew(lease: Lease, ttlMs: number): Promise<boolean> {
    return this.cut ? new Promise(() => {}) : this.inner.renew(lease, ttlMs);
  }
  release(lease: Lease): Promise<void> {
    return this.cut ? new Promise(() => {}) : this.inner.release(lease);
  }
}

describe('component leases on PostgreSQL', () => {
  let fx: Fixture;
  let second: SqlClient;
  let leasesA: PostgresLeaseStore;
  let leasesB: PostgresLeaseStore;
  const components: LeasedComponent[] = [];
  let n = 0;
  beforeAll(async () => {
    fx = await openFixture(() => freshPostgresSchema());
    const { rows } = await fx.db.client.query<{ schema: string }>('SELECT current_schema() AS schema');
    // Two workers: two clients (pools) on one schema.
    second = new PgSqlClient({ connectionString: TEST_DATABASE_URL, schema: rows[0]!.schema, maxConnections: 2 });
    leasesA = await PostgresLeaseStore.open(fx.db.client);
    leasesB = await PostgresLeaseStore.open(second);
  });
  afterAll(async () => {
    for (const component of components) await component.stop();
    await second.close();
    await fx.dispose();
  });

  /** A leased component that records when its work starts and stops into `log`. */
  function worker(leases: LeaseStore, holder: string, name: string, log: string[]): LeasedComponent {
    const component = new LeasedComponent({
      leases,
      name,
      holder,
      timing: TIMING,
      work: { start: (lease) => void log.push(`${holder} start ${lease.token}`), stop: async () => void log.push(`${holder} stop`) },
    });
    components.push(component);
    component.start();
    return component;
  }
  const fresh = () => `projection:test-${++n}`;
  const row = async (name: string) =>
    (await fx.db.client.query<{ holder: string; token: string }>('SELECT holder, token::text AS token FROM component_leases WHERE name = $1', [name])).rows[0];

  it('only one of two workers holds a lease, through many renewals', async () => {
    const name = fresh();
    const log: string[] = [];
    const [a, b] = [worker(leasesA, 'a', name, log), worker(leasesB, 'b', name, log)];
    const holder = await eventually(() => (a.lease ? 'a' : b.lease ? 'b' : undefined));
    const firstExpiry = await fx.db.client.query<{ at: Date }>('SELECT expires_at AS at FROM component_leases WHERE name = $1', [name]);
    // Several renewals later (the expiry moved on well past a TTL), still the same one alone.
    await eventually(async () => {
      const { rows } = await fx.db.client.query<{ later: boolean }>(
        `SELECT expires_at > $2::timestamptz + interval '3 seconds' AS later FROM component_leases WHERE name = $1`,
        [name, firstExpiry.rows[0]!.at],
      );
      return rows[0]!.later;
    }, 15_000);
    expect(log).toEqual([`${holder} start 1`]);
    expect([a.lease !== null, b.lease !== null]).toEqual(holder === 'a' ? [true, false] : [false, true]);
    await a.stop();
    await b.stop();
  });

  it('a holder that stops renewing (a dead process) loses the lease to the waiter once it expired', async () => {
    const name = fresh();
    const dead = await leasesA.acquire(name, 'dead', 1500);
    expect(dead?.token).toBe(1n);
    const log: string[] = [];
    const b = worker(leasesB, 'b', name, log);
    await eventually(() => b.lease !== null, 10_000);
    expect(log).toEqual(['b start 2']);
    expect(await row(name)).toEqual({ holder: 'b', token: '2' });
    expect(await leasesA.renew(dead!, 1500)).toBe(false);
    await b.stop();
  });

  it('a holder cut off from the database stops its work before the other worker can start', async () => {
    const name = fresh();
    const log: string[] = [];
    const cuttable = new CuttableLeases(leasesA);
    const a = worker(cuttable, 'a', name, log);
    await eventually(() => a.lease !== null);
    const b = worker(leasesB, 'b', name, log);
    cuttable.cut = true;
    await eventually(() => b.lease !== null, 10_000);
    expect(log).toEqual(['a start 1', 'a stop', 'b start 2']);
    await b.stop();
    await a.stop(); // its release never answers: it gives up after a while
  });

  it('a holder cut off inside a fenced transaction does not hold the takeover back: the server ends its transaction', async () => {
    const name = fresh();
    const { rows } = await fx.db.client.query<{ schema: string }>('SELECT current_schema() AS schema');
    const cutOff = new PgSqlClient({ connectionString: TEST_DATABASE_URL, schema: rows[0]!.schema, maxConnections: 1 });
    try {
      const lease = (await (await PostgresLeaseStore.open(cutOff)).acquire(name, 'a', 1500))!;
      let fenced!: () => void;
      const inside = new Promise<void>((resolve) => (fenced = resolve));
      let bTook!: () => void;
      const taken = new Promise<void>((resolve) => (bTook = resolve));
      // The batch passed its fence and then its process went quiet, the transaction left open;
      // its next statement, once the other has taken over, finds the transaction gone.
      const stuck = cutOff.transaction(async (tx) => {
        await fenceTransaction(tx, lease);
        fenced();
        await taken;
        await tx.query('SELECT 1');
      });
      const ended = stuck.then(() => 'committed', () => 'ended by the server');
      await inside;
      const log: string[] = [];
      const b = worker(leasesB, 'b', name, log);
      await eventually(() => b.lease !== null, 10_000);
      bTook();
      expect({ log, stuck: await ended }).toEqual({ log: ['b start 2'], stuck: 'ended by the server' });
      await b.stop();
    } finally {
      await cutOff.close();
    }
  });

  it("a stale token's batch commits nothing; the new holder's runner carries on from the same checkpoint", async () => {
    const projection = tallyProjection({ name: 'fenced' });
    const head = await appendWorkload(fx.store, 12, seededRandom(3));
    const name = `projection:${projection.name}`;
    const stale = (await leasesA.acquire(name, 'a', 60_000))!;
    // Another worker took it over (as after an expiry): its token is higher.
    await fx.db.client.query(`UPDATE component_leases SET expires_at = now() WHERE name = $1`, [name]);
    const current = (await leasesB.acquire(name, 'b', 60_000))!;
    expect(current.token).toBeGreaterThan(stale.token);

    const old = await fx.runner({ projection });
    old.start(undefined, stale);
    await old.waitForStatus((s) => s.state === 'stopped');
    const active = await fx.registry.active(projection.name);
    expect(active?.position).toBeNull();
    expect(await readTally(fx.db.client, projection.name)).toEqual({ tally: [], applied: [] });

    const next = await fx.runner({ projection });
    next.start(undefined, current);
    await next.waitForPosition(head, 10_000);
    await next.stop();
    expect(await readTally(fx.db.client, projection.name)).toEqual(foldTally(await readEverything(fx.store)));
  });
});
