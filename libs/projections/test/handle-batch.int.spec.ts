import type { RecordedEvent } from '@referral/event-store';
import type { ProjectionDefinition, TableNames } from '@referral/projections';
import type { SqlExecutor } from '@referral/sql';
import { sqlBackends } from '../../../test/support/databases';
import { seededRandom } from '../../../test/support/seeded-random';
import { openFixture, type Fixture } from './support/fixture';
import { appendWorkload, readEverything } from './support/workload';

/** Records each event it is given, in the order given, one batch per call; `handle` must not run. */
function batchProjection(failOnCall: number): ProjectionDefinition & { calls: number } {
  const projection = {
    name: 'batched',
    version: 1,
    tables: ['batched_applied'],
    calls: 0,
    async setup(tx: SqlExecutor, tables: TableNames) {
      await tx.query(
        `CREATE TABLE IF NOT EXISTS ${tables.batched_applied} (seq bigserial PRIMARY KEY, event_id text NOT NULL, position bigint NOT NULL, checkpoint bigint)`,
      );
    },
    async handle(): Promise<void> {
      throw new Error('handle must not be called when handleBatch is defined');
    },
    async handleBatch(events: readonly RecordedEvent[], tx: SqlExecutor, tables: TableNames) {
      projection.calls += 1;
      // The checkpoint as this transaction sees it.
      const { rows } = await tx.query<{ position: string | null }>(
        `SELECT position::text AS position FROM projection_checkpoints WHERE projection = 'batched'`,
      );
      for (const event of events) {
        await tx.query(`INSERT INTO ${tables.batched_applied} (event_id, position, checkpoint) VALUES ($1, $2, $3)`, [
          event.id, String(event.position), rows[0]?.position ?? null,
        ]);
      }
      if (projection.calls === failOnCall) throw new Error('batch fails after writing');
    },
  };
  return projection;
}

describe.each(sqlBackends)('ProjectionDefinition.handleBatch on %s', (_name, open) => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await openFixture(open);
  });
  afterEach(() => fx.dispose());

  it('gets each event exactly once, in order, atomically with the checkpoint', async () => {
    const head = await appendWorkload(fx.store, 45, seededRandom(11));
    const projection = batchProjection(2);
    const runner = await fx.runner({ projection, batchSize: 10 });
    runner.start();
    await runner.waitForPosition(head, 10_000);

    const events = await readEverything(fx.store);
    const { rows } = await fx.db.client.query<{ event_id: string; position: string; checkpoint: string | null }>(
      'SELECT event_id, position::text AS position, checkpoint::text AS checkpoint FROM batched_applied ORDER BY seq',
    );
    expect(rows.map((r) => r.event_id)).toEqual(events.map((e) => e.id));
    // Batches of 10: each saw, inside its transaction, the checkpoint already moved to its own last
    // event (the move comes first and commits with the rows).
    rows.forEach((row, i) => {
      const batchEnd = Math.min(i - (i % 10) + 9, events.length - 1);
      expect(row.checkpoint).toBe(String(events[batchEnd]!.position));
    });
    // The second call failed after writing: its rows went with its transaction, then it was retried.
    expect(projection.calls).toBe(6);
    expect(runner.status.eventsApplied).toBe(45);
  });
});
