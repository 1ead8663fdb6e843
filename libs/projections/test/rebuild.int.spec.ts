import { formatRebuildProgress, rebuildProjection, type RebuildProgress } from '@referral/projections';
import { sqlBackends } from '../../../test/support/databases';
import { openFixture, recordingLogger, type Fixture } from './support/fixture';
import { pausingStore } from './support/pausing-store';
import { seededRandom } from '../../../test/support/seeded-random';
import { foldTally, readTally, tallyProjection } from './support/tally-projection';
import { appendWorkload, readEverything } from './support/workload';

describe.each(sqlBackends)('rebuild on %s', (_name, open) => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await openFixture(open);
  });
  afterEach(() => fx.dispose());

  /** A live runner of the `tally` projection, caught up with `count` new events. */
  async function liveTally(count: number, random: () => number) {
    const projection = tallyProjection({ name: 'tally' });
    const live = await fx.runner({ projection });
    live.start();
    await live.waitForPosition(await appendWorkload(fx.store, count, random), 10_000);
    return { projection, live };
  }

  const expectModelOfAllEvents = async () =>
    expect(await readTally(fx.db.client, 'tally')).toEqual(foldTally(await readEverything(fx.store)));

  it('fills fresh tables while the old generation serves, includes late events, swaps and drops the old', async () => {
    const random = seededRandom(31);
    const { projection, live } = await liveTally(100, random);

    const gate = pausingStore(fx.store, 40);
    const progress: RebuildProgress[] = [];
    const rebuilding = rebuildProjection(gate.store, fx.registry, projection, {
      liveRunner: live,
      onProgress: (p) => progress.push(p),
      progressIntervalMs: 0,
      batchSize: 10,
    });
    await gate.paused;
    expect((await fx.registry.active('tally'))?.generation).toBe(1);
    expect((await fx.registry.generations('tally')).map((g) => g.generation)).toEqual([1, 2]);
    await expectModelOfAllEvents();
    const lateHead = await appendWorkload(fx.store, 20, random);
    await live.waitForPosition(lateHead, 10_000);
    await expectModelOfAllEvents();

    gate.release();
    expect(await rebuilding).toEqual({ generation: 2, previousGeneration: 1, eventsApplied: 120 });
    await expectModelOfAllEvents();
    expect(await fx.registry.activeTables('tally')).toEqual({ tally_tally: 'tally_tally__g2', tally_applied: 'tally_applied__g2' });
    const { rows } = await fx.db.client.query(`SELECT to_regclass('tally_tally__g1') AS old`);
    expect(rows[0]).toEqual({ old: null });
    expect(live.status.generation).toBe(2);
    await live.waitForPosition(await appendWorkload(fx.store, 5, random), 10_000);
    await expectModelOfAllEvents();

    const done = progress.map((p) => p.eventsDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(progress.some((p) => p.fraction > 0 && p.fraction < 1 && p.eventsTotal !== null)).toBe(true);
    const last = progress[progress.length - 1];
    expect(last).toMatchObject({ finished: true, fraction: 1, eventsDone: 120, eventsTotal: 120 });
    expect(formatRebuildProgress(last)).toContain('100.0%  120/120 events');
  });

  it('a new version waits as stale while the old generation serves, then runs on the rebuilt one', async () => {
    const random = seededRandom(32);
    await (await liveTally(30, random)).live.stop();

    const projection = tallyProjection({ name: 'tally', version: 2 });
    const v2 = await fx.runner({ projection });
    v2.start();
    const stale = await v2.waitForStatus((s) => s.state === 'failing');
    expect(stale.lastError).toMatch(/tally is at version 1, the code at 2: rebuild it/);
    await expectModelOfAllEvents();

    await rebuildProjection(fx.store, fx.registry, projection, { liveRunner: v2 });
    expect(await fx.registry.active('tally')).toMatchObject({ generation: 2, version: 2 });
    await v2.waitForPosition(await appendWorkload(fx.store, 10, random), 10_000);
    expect(v2.status).toMatchObject({ generation: 2, lastError: null });
    await expectModelOfAllEvents();
  });

  it('a runner that is not handed over notices the swap at its next event', async () => {
    const random = seededRandom(33);
    const { projection, live: elsewhere } = await liveTally(25, random);

    await rebuildProjection(fx.store, fx.registry, projection);
    const head = await appendWorkload(fx.store, 5, random);
    await elsewhere.waitForStatus((s) => s.generation === 2 && s.position === head);
    await expectModelOfAllEvents();
  });

  it('a rebuild that fails says so in the log, with the error', async () => {
    const { projection } = await liveTally(40, seededRandom(35));
    const gate = pausingStore(fx.store, 20);
    const logger = recordingLogger();
    const rebuilding = rebuildProjection(gate.store, fx.registry, projection, { batchSize: 10, logger });
    await gate.paused;
    await fx.db.client.query(`DELETE FROM projection_checkpoints WHERE projection = 'tally' AND generation = 2`);
    gate.release();
    await expect(rebuilding).rejects.toThrow('stopped before it caught up');
    expect(logger.lines.find((line) => line.message === 'Projection rebuild failed')).toMatchObject({
      level: 'error',
      fields: { projection: 'tally', generation: 2, error: { name: 'Error', message: 'Rebuild of tally stopped before it caught up' } },
    });
  });

  it('an interrupted rebuild resumes where it stopped', async () => {
    const random = seededRandom(34);
    const { projection, live } = await liveTally(60, random);

    const gate = pausingStore(fx.store, 30);
    const controller = new AbortController();
    const first = rebuildProjection(gate.store, fx.registry, projection, { signal: controller.signal, batchSize: 10 });
    await gate.paused;
    controller.abort(new Error('deploy'));
    await expect(first).rejects.toThrow('deploy');
    const halfway = (await fx.registry.generations('tally')).find((g) => g.generation === 2);
    const events = await readEverything(fx.store);
    expect(halfway?.position).toBe(events[29].position);

    const second = await rebuildProjection(fx.store, fx.registry, projection, { liveRunner: live });
    expect(second).toEqual({ generation: 2, previousGeneration: 1, eventsApplied: 30 });
    await expectModelOfAllEvents();
  });
});
