import type { RecordedEvent } from '@referral/event-store';
import type { ProjectionDefinition, TableNames } from '@referral/projections';
import type { SqlClient, SqlExecutor } from '@referral/sql';
import { sqlBackends } from '../../../test/support/databases';
import { seededRandom } from '../../../test/support/seeded-random';
import { openFixture, type Fixture } from './support/fixture';
import { appendWorkload, readEverything } from './support/workload';

/**
 * A projection whose `prepare` reads the same database from outside the batch's transaction (as
 * opening sealed personal data through the key table does), and whose `handle` writes what it read.
 */
function lookupProjection(db: SqlClient, failFirstBatch: boolean): ProjectionDefinition & { prepared: number } {
  const looked = new Map<string, string>();
  let batches = 0;
  const projection = {
    name: 'looked_up',
    version: 1,
    tables: ['looked_up'],
    prepared: 0,
    async setup(tx: SqlExecutor, tables: TableNames) {
      await tx.query(`CREATE TABLE IF NOT EXISTS ${tables.looked_up} (event_id text PRIMARY KEY, seen text NOT NULL)`);
    },
    async prepare(events: readonly RecordedEvent[]) {
      projection.prepared += 1;
      const { rows } = await db.query<{ now: string }>(`SELECT 'outside'::text AS now`);
      for (const event of events) looked.set(event.id, rows[0]!.now);
    },
    async handle(event: RecordedEvent, tx: SqlExecutor, tables: TableNames) {
      await tx.query(`INSERT INTO ${tables.looked_up} (event_id, seen) VALUES ($1, $2)`, [event.id, looked.get(event.id)]);
      if (failFirstBatch && ++batches === 1) throw new Error('first batch fails once');
    },
  };
  return projection;
}

describe.each(sqlBackends)('ProjectionDefinition.prepare on %s', (_name, open) => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await openFixture(open);
  });
  afterEach(() => fx.dispose());

  it('runs before each batch\'s transaction (it may query the same database, PGlite too), and again when a batch is retried', async () => {
    const head = await appendWorkload(fx.store, 25, seededRandom(5));
    const projection = lookupProjection(fx.db.client, true);
    const runner = await fx.runner({ projection, batchSize: 10 });
    runner.start();
    await runner.waitForPosition(head, 10_000);
    await runner.stop();
    const events = await readEverything(fx.store);
    const { rows } = await fx.db.client.query<{ event_id: string; seen: string }>('SELECT event_id, seen FROM looked_up');
    expect(rows.map((row) => row.event_id).sort()).toEqual(events.map((event) => event.id).sort());
    expect(new Set(rows.map((row) => row.seen))).toEqual(new Set(['outside']));
    // At least one batch per ten events, plus the retried first one.
    expect(projection.prepared).toBeGreaterThanOrEqual(Math.ceil(events.length / 10) + 1);
  });
});
