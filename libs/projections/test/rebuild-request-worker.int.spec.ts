import {
  RebuildRequestStore,
  RebuildRequestWorker,
  rebuildProjection,
  type ProjectionDefinition,
  type RebuildRequestWorkerOptions,
} from '@referral/projections';
import type { EventStore } from '@referral/event-store';
import { sqlBackends } from '../../../test/support/databases';
import { eventually } from '../../../test/support/eventually';
import { seededRandom } from '../../../test/support/seeded-random';
import { SettableClock } from '../../../test/support/settable-clock';
import { openFixture, type Fixture } from './support/fixture';
import { pausingStore } from './support/pausing-store';
import { foldTally, readTally, tallyProjection } from './support/tally-projection';
import { appendWorkload, readEverything } from './support/workload';

describe.each(sqlBackends)('rebuild request worker on %s', (_name, open) => {
  let fx: Fixture;
  let requests: RebuildRequestStore;
  const workers: RebuildRequestWorker[] = [];
  const clock = new SettableClock(new Date('2025-06-10T08:00:00Z'));

  beforeEach(async () => {
    clock.set('2025-06-10T08:00:00Z');
    fx = await openFixture(open);
    requests = await RebuildRequestStore.open(fx.db.client, { now: () => clock.now() });
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.stop();
    await fx.dispose();
  });

  async function liveTally(count: number, projection: ProjectionDefinition = tallyProjection({ name: 'tally' })) {
    const live = await fx.runner({ projection });
    live.start();
    await live.waitForPosition(await appendWorkload(fx.store, count, seededRandom(41)), 10_000);
    return { projection, live };
  }

  function worker(options: Partial<RebuildRequestWorkerOptions> & Pick<RebuildRequestWorkerOptions, 'projections'>, store: EventStore = fx.store) {
    const started = new RebuildRequestWorker({
      requests, store, registry: fx.registry, worker: 'test-worker', pollMs: 5, progressIntervalMs: 0, batchSize: 10,
      backoff: { initialMs: 1, maxMs: 20 }, now: () => clock.now().getTime(), ...options,
    });
    workers.push(started);
    started.start();
    return started;
  }

  const stateOf = async () => (await requests.latest('tally'))!;
  const finished = () => eventually(async () => ((await stateOf()).state === 'finished' ? stateOf() : undefined));
  const expectModelOfAllEvents = async () => expect(await readTally(fx.db.client, 'tally')).toEqual(foldTally(await readEverything(fx.store)));

  it('runs a requested rebuild with the live runner of its process, writes its progress and records it finished', async () => {
    const { projection, live } = await liveTally(100);
    worker({ projections: [projection], liveRunner: (name) => (name === 'tally' ? live : undefined) });
    await requests.request('tally');
    const done = await finished();
    expect(done).toMatchObject({ attempt: 1, claimedBy: 'test-worker', progress: { finished: true, fraction: 1, eventsDone: 100, generation: 2 } });
    expect(await fx.registry.active('tally')).toMatchObject({ generation: 2 });
    expect(live.status.generation).toBe(2);
    await expectModelOfAllEvents();
  });

  it('takes over the claim of a worker that went quiet and resumes its half-built generation', async () => {
    const { projection } = await liveTally(100);
    await requests.request('tally');
    // The first worker claims, fills part of generation 2, and is heard of no more.
    const quiet = (await requests.claim(['tally'], 'quiet-worker'))!;
    const gate = pausingStore(fx.store, 40);
    const gone = new AbortController();
    const firstTry = rebuildProjection(gate.store, fx.registry, projection, { signal: gone.signal, batchSize: 10 });
    await gate.paused;
    gone.abort();
    await expect(firstTry).rejects.toBeDefined();
    const halfBuilt = (await fx.registry.generations('tally')).find((g) => g.generation === 2)!;
    expect(halfBuilt.position).not.toBeNull();

    // Its heartbeat is now older than 60 s (the store's tests show a fresher one is left alone).
    clock.advance(61_000);
    worker({ projections: [projection] });
    const done = await finished();
    expect(done).toMatchObject({ attempt: 2, claimedBy: 'test-worker' });
    expect(done.progress!.eventsDone).toBeLessThan(100);
    expect(done.progress!.eventsDone).toBeGreaterThan(0);
    expect(await fx.registry.active('tally')).toMatchObject({ generation: 2 });
    expect(await requests.heartbeat(quiet)).toBe(false);
    await expectModelOfAllEvents();
  });

  it('hands the request back when stopped mid-rebuild, and the next worker finishes it', async () => {
    const { projection } = await liveTally(60);
    const gate = pausingStore(fx.store, 20);
    const first = worker({ projections: [projection], worker: 'first' }, gate.store);
    await requests.request('tally');
    await gate.paused;
    expect(first.claim).toMatchObject({ projection: 'tally', attempt: 1 });
    await first.stop();
    expect(await stateOf()).toMatchObject({ state: 'pending', attempt: 1, claimedBy: null });

    worker({ projections: [projection], worker: 'second' });
    expect(await finished()).toMatchObject({ attempt: 2, claimedBy: 'second' });
    expect(await fx.registry.active('tally')).toMatchObject({ generation: 2 });
    await expectModelOfAllEvents();
  });

  it('records a rebuild that fails with the error name, and leaves the live generation serving', async () => {
    const tally = tallyProjection({ name: 'tally' });
    const { projection } = await liveTally(10, {
      ...tally,
      async setup(tx, tables) {
        if (Object.values(tables).some((table) => table.endsWith('__g2'))) throw new TypeError('no room for generation 2');
        await tally.setup(tx, tables);
      },
    });
    worker({ projections: [projection] });
    await requests.request('tally');
    const failed = await eventually(async () => ((await stateOf()).state === 'failed' ? stateOf() : undefined));
    expect(failed).toMatchObject({ error: 'TypeError', errorCode: null, attempt: 1 });
    expect(await fx.registry.active('tally')).toMatchObject({ generation: 1 });
    await expectModelOfAllEvents();
  });
});
