import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '@referral/event-store';
import { PostgresLeaseStore, type ProjectionDefinition, type TableNames } from '@referral/projections';
import type { SqlExecutor } from '@referral/sql';
import { sqlBackends } from '../../../test/support/databases';
import { eventually } from '../../../test/support/eventually';
import { openFixture, recordingLogger, type Fixture } from './support/fixture';

/** Counts `Counted` events; declares that it writes for nothing else. */
function countingProjection(handled: RecordedEvent[][]): ProjectionDefinition {
  return {
    name: 'counted',
    version: 1,
    tables: ['counted'],
    handles: new Set(['Counted']),
    async setup(tx: SqlExecutor, tables: TableNames) {
      await tx.query(`CREATE TABLE IF NOT EXISTS ${tables.counted} (event_id text PRIMARY KEY)`);
    },
    async handle() {
      throw new Error('handleBatch is defined');
    },
    async handleBatch(events: readonly RecordedEvent[], tx: SqlExecutor, tables: TableNames) {
      handled.push([...events]);
      for (const event of events.filter((e) => e.type === 'Counted')) {
        await tx.query(`INSERT INTO ${tables.counted} (event_id) VALUES ($1)`, [event.id]);
      }
    },
  };
}

const events = (type: string, count: number): NewEvent[] =>
  Array.from({ length: count }, () => ({ id: randomUUID(), type, data: {}, metadata: { schemaVersion: 1 } }));

async function checkpointOf(fx: Fixture): Promise<string | null> {
  const { rows } = await fx.db.client.query<{ position: string | null }>("SELECT position::text AS position FROM projection_checkpoints WHERE projection = 'counted'");
  return rows[0]?.position ?? null;
}

describe.each(sqlBackends)('a projection that declares the event types it handles, on %s', (_name, open) => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await openFixture(open);
  });
  afterEach(() => fx.dispose());

  it('given batches of other types only, when they pass, then the checkpoint moves past them without its handlers', async () => {
    const handled: RecordedEvent[][] = [];
    const runner = await fx.runner({ projection: countingProjection(handled) });
    runner.start();
    const ignored = await fx.store.appendToStream('other-1', events('Ignored', 5));
    await runner.waitForPosition(ignored.position, 10_000);
    await eventually(async () => (await checkpointOf(fx)) === String(ignored.position), { what: () => 'the stored checkpoint past the ignored events' });
    expect(handled).toEqual([]);

    const counted = await fx.store.appendToStreams([
      { streamId: 'other-2', events: events('Ignored', 2) },
      { streamId: 'counted-1', events: events('Counted', 3) },
    ]);
    await runner.waitForPosition(counted[1]!.position, 10_000);
    expect(handled.flat().map((e) => e.type)).toEqual(['Ignored', 'Ignored', 'Counted', 'Counted', 'Counted']);
    const { rows } = await fx.db.client.query<{ n: string }>('SELECT count(*)::text AS n FROM counted');
    expect(rows[0]!.n).toBe('3');
    expect(runner.status).toMatchObject({ eventsApplied: 10, lastError: null });
  });

  it('given a lease that is gone, when a batch it would skip comes, then the checkpoint stays and the runner stops', async () => {
    const leases = await PostgresLeaseStore.open(fx.db.client);
    const lease = await leases.acquire('projection:counted', 'holder-a', 60_000);
    if (!lease) throw new Error('the lease was free');
    const logger = recordingLogger();
    const runner = await fx.runner({ projection: countingProjection([]), logger });
    runner.start(undefined, lease);
    const first = await fx.store.appendToStream('other-1', events('Ignored', 1));
    await runner.waitForPosition(first.position, 10_000);

    await leases.release(lease);
    await fx.store.appendToStream('other-1', events('Ignored', 1));
    await runner.waitForStatus((s) => s.state === 'stopped');
    expect(await checkpointOf(fx)).toBe(String(first.position));
    expect(logger.lines.map((l) => l.message)).toContain('Projection lease is gone; runner stops');
  });
});
