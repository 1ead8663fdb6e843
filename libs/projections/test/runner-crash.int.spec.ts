import type { ProjectionDefinition } from '@referral/projections';
import type { RecordedEvent } from '@referral/event-store';
import { sqlBackends } from '../../../test/support/databases';
import { FaultySqlClient, type CrashPlan } from './support/faulty-sql-client';
import { openFixture, type Fixture } from './support/fixture';
import { seededRandom } from '../../../test/support/seeded-random';
import { foldTally, readTally, tallyProjection } from './support/tally-projection';
import { appendWorkload, readEverything } from './support/workload';

/**
 * A crash is simulated by a read-model client that fails at one planned instant and is dead
 * afterwards; a fresh runner on a healthy client then plays the restarted process.
 */
describe.each(sqlBackends)('exactly once under crashes on %s', (_name, open) => {
  let fx: Fixture;
  let events: RecordedEvent[];
  let head: bigint;
  beforeAll(async () => {
    fx = await openFixture(open);
    head = await appendWorkload(fx.store, 30, seededRandom(11));
    events = await readEverything(fx.store);
  });
  afterAll(() => fx.dispose());

  /** Runs until the planned crash or the head; answers whether it crashed. */
  async function runCrashing(projection: ProjectionDefinition, plan: CrashPlan): Promise<boolean> {
    const faulty = new FaultySqlClient(fx.db.client, plan);
    const runner = await fx.runner({ projection, client: faulty, batchSize: 7 });
    faulty.arm();
    runner.start();
    await runner.waitForStatus((s) => faulty.crashed || (s.state === 'caught-up' && s.position === head));
    await runner.stop();
    return faulty.crashed;
  }

  async function restartAndCheck(projection: ProjectionDefinition): Promise<void> {
    const runner = await fx.runner({ projection, batchSize: 7 });
    runner.start();
    await runner.waitForPosition(head, 10_000);
    await runner.stop();
    expect(await readTally(fx.db.client, projection.name)).toEqual(foldTally(events));
  }

  /** Crashes at the 1st, 2nd, ... planned instant until a run gets through; answers how many crashed. */
  async function sweep(prefix: string, planFor: (k: number) => CrashPlan): Promise<number> {
    for (let k = 1; ; k++) {
      const projection = tallyProjection({ name: `${prefix}${k}` });
      const crashed = await runCrashing(projection, planFor(k));
      await restartAndCheck(projection);
      if (!crashed) return k - 1;
    }
  }

  it('is exact whichever statement the process dies before', async () => {
    expect(await sweep('before_q', (k) => ({ beforeQuery: k }))).toBeGreaterThan(events.length * 2);
  }, 60_000);

  it('is exact when the process dies right after a commit, before it learns of it', async () => {
    expect(await sweep('after_c', (k) => ({ afterCommit: k }))).toBeGreaterThanOrEqual(Math.ceil(events.length / 7));
  }, 30_000);

  it.each([1, 2, 3])('is exact when checkpoint update number %i fails', async (n) => {
    const projection = tallyProjection({ name: `cp_update_${n}` });
    const plan = { beforeQuery: n, matching: (sql: string) => sql.startsWith('UPDATE projection_checkpoints') };
    expect(await runCrashing(projection, plan)).toBe(true);
    await restartAndCheck(projection);
  });

  it.each([1, 5, 7, 8, 20, 30])('is exact when a handler throws after writing event %i of the run', async (n) => {
    let seen = 0;
    let thrown = false;
    const projection = tallyProjection({
      name: `throw_after_${n}`,
      afterWrite: () => {
        seen += 1;
        if (seen === n && !thrown) {
          thrown = true;
          throw new Error('handler died half-way');
        }
      },
    });
    const runner = await fx.runner({ projection, batchSize: 7 });
    runner.start();
    await runner.waitForPosition(head, 10_000);
    await runner.stop();
    expect(thrown).toBe(true);
    expect(await readTally(fx.db.client, projection.name)).toEqual(foldTally(events));
  });

  it.each([1, 6, 7, 13, 30])('is exact when stopped in the middle of a batch, at event %i', async (n) => {
    const controller = new AbortController();
    let seen = 0;
    const projection = tallyProjection({
      name: `abort_at_${n}`,
      afterWrite: () => {
        seen += 1;
        if (seen === n) controller.abort();
      },
    });
    const first = await fx.runner({ projection, batchSize: 7 });
    first.start(controller.signal);
    await first.waitForStatus((s) => s.state === 'stopped');
    expect(first.status.position === null || first.status.position < head || n === 30).toBe(true);
    await restartAndCheck(projection);
  });
});
