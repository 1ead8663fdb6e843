import { ProjectionRegistry, RebuildRequestStore, rebuildStateOf, type RebuildProgressView } from '@referral/projections';
import { sqlBackends, type TestDatabase } from '../../../test/support/databases';
import { SettableClock } from '../../../test/support/settable-clock';
import { tallyProjection } from './support/tally-projection';

const progress = (eventsDone: number): RebuildProgressView => ({
  projection: 'alpha', generation: 2, eventsDone, eventsTotal: 100, position: String(eventsDone), headPosition: '100',
  fraction: eventsDone / 100, eventsPerSecond: 10, etaSeconds: 1, finished: false,
});

describe.each(sqlBackends)('rebuild requests on %s', (name, open) => {
  let db: TestDatabase;
  const clock = new SettableClock(new Date('2025-06-10T08:00:00Z'));
  const storeFor = () => RebuildRequestStore.open(db.client, { now: () => clock.now(), staleAfterMs: 60_000 });
  let requests: RebuildRequestStore;

  beforeEach(async () => {
    clock.set('2025-06-10T08:00:00Z');
    db = await open();
    const registry = await ProjectionRegistry.open(db.client);
    for (const projection of ['beta', 'alpha']) await registry.ensure(tallyProjection({ name: projection }));
    requests = await storeFor();
  });
  afterEach(() => db.dispose());

  it('accepts the registered projections, and keeps one open request per projection', async () => {
    expect(await requests.registeredProjections()).toEqual(['alpha', 'beta']);
    expect(rebuildStateOf(await requests.latest('alpha'))).toEqual({ state: 'idle' });
    const first = await requests.request('alpha');
    expect(first).toMatchObject({ projection: 'alpha', state: 'pending', attempt: 0, requestedAt: clock.now() });
    expect(rebuildStateOf(first)).toEqual({ state: 'running', progress: null, startedAt: '2025-06-10T08:00:00.000Z', claimedAt: null });
    clock.advance(1000);
    expect((await requests.request('alpha')).id).toBe(first.id);
    expect((await requests.request('beta')).id).not.toBe(first.id);

    const claim = (await requests.claim(['alpha'], 'w1'))!;
    expect((await requests.request('alpha')).id).toBe(first.id);
    expect(await requests.finish(claim, progress(100))).toBe(true);
    const again = await requests.request('alpha');
    expect(again.id).not.toBe(first.id);
    expect((await requests.latestOfEach()).map((r) => [r.projection, r.id])).toEqual([['alpha', again.id], ['beta', expect.any(String)]]);
  });

  it('a worker claims a pending request of a projection it runs, keeps it with heartbeats and records the outcome', async () => {
    await requests.request('alpha');
    expect(await requests.claim(['beta'], 'w1')).toBeNull();
    expect(await requests.claim([], 'w1')).toBeNull();
    const claim = await requests.claim(['alpha', 'beta'], 'w1');
    expect(claim).toEqual({ id: expect.any(String), projection: 'alpha', attempt: 1, takenOver: false });
    expect(await requests.claim(['alpha'], 'w2')).toBeNull();
    expect(await requests.latest('alpha')).toMatchObject({ state: 'running', claimedBy: 'w1', startedAt: clock.now(), heartbeatAt: clock.now() });

    clock.advance(5000);
    expect(await requests.heartbeat(claim!, progress(40))).toBe(true);
    expect(await requests.heartbeat(claim!)).toBe(true);
    const running = (await requests.latest('alpha'))!;
    expect(running).toMatchObject({ heartbeatAt: clock.now(), progress: progress(40) });
    expect(rebuildStateOf(running)).toMatchObject({ state: 'running', progress: progress(40), claimedAt: '2025-06-10T08:00:00.000Z' });

    clock.advance(5000);
    expect(await requests.finish(claim!, progress(100))).toBe(true);
    expect(rebuildStateOf(await requests.latest('alpha'))).toEqual({
      state: 'finished', progress: progress(100), startedAt: '2025-06-10T08:00:00.000Z', finishedAt: '2025-06-10T08:00:10.000Z',
    });
    expect(await requests.heartbeat(claim!)).toBe(false);
  });

  it('records a failure by the error name and code, and hands a request back on release', async () => {
    await requests.request('alpha');
    await requests.request('beta');
    const alpha = (await requests.claim(['alpha'], 'w1'))!;
    expect(await requests.fail(alpha, { name: 'DatabaseError', code: '57P01' })).toBe(true);
    expect(rebuildStateOf(await requests.latest('alpha'))).toEqual({
      state: 'failed', error: 'DatabaseError', code: '57P01', startedAt: '2025-06-10T08:00:00.000Z', finishedAt: '2025-06-10T08:00:00.000Z',
    });

    const beta = (await requests.claim(['beta'], 'w1'))!;
    expect(await requests.release(beta)).toBe(true);
    expect(await requests.latest('beta')).toMatchObject({ state: 'pending', claimedBy: null });
    expect(await requests.heartbeat(beta)).toBe(false);
    expect(await requests.claim(['beta'], 'w2')).toEqual({ id: beta.id, projection: 'beta', attempt: 2, takenOver: true });
  });

  it('one claimer among many at once', async () => {
    await requests.request('alpha');
    const claimers = await Promise.all(Array.from({ length: 6 }, () => storeFor()));
    const claims = await Promise.all(claimers.map((store, i) => store.claim(['alpha'], `w${i}`)));
    expect(claims.filter((claim) => claim !== null)).toHaveLength(1);
    expect((await requests.latest('alpha'))!.attempt).toBe(1);
  });

  it('another worker takes over a claim whose heartbeat is older than 60 s; the first one can write nothing more', async () => {
    const asked = await requests.request('alpha');
    const first = (await requests.claim(['alpha'], 'w1'))!;
    const second = await storeFor();
    clock.advance(59_000);
    expect(await second.claim(['alpha'], 'w2')).toBeNull();
    expect(await requests.heartbeat(first, progress(30))).toBe(true);
    clock.advance(60_000);
    expect(await second.claim(['alpha'], 'w2')).toBeNull();
    clock.advance(1);
    const taken = await second.claim(['alpha'], 'w2');
    expect(taken).toEqual({ id: asked.id, projection: 'alpha', attempt: 2, takenOver: true });
    expect(await requests.latest('alpha')).toMatchObject({ state: 'running', claimedBy: 'w2', startedAt: asked.requestedAt, progress: progress(30) });

    expect(await requests.heartbeat(first, progress(35))).toBe(false);
    expect(await requests.finish(first, progress(100))).toBe(false);
    expect(await requests.fail(first, { name: 'Error' })).toBe(false);
    expect(await requests.release(first)).toBe(false);
    expect(await second.finish(taken!, progress(100))).toBe(true);
    expect(await requests.latest('alpha')).toMatchObject({ state: 'finished', claimedBy: 'w2', progress: progress(100) });
  });

  if (name === 'postgres') {
    it('a claimer passes over a request another claimer has locked at that moment, without waiting for it', async () => {
      await requests.request('alpha');
      await requests.request('beta');
      await db.client.transaction(async (tx) => {
        await tx.query(`SELECT id FROM projection_rebuild_requests WHERE projection = 'alpha' FOR UPDATE`);
        expect(await requests.claim(['alpha', 'beta'], 'w2')).toMatchObject({ projection: 'beta' });
        expect(await requests.claim(['alpha'], 'w2')).toBeNull();
      });
      expect(await requests.claim(['alpha'], 'w2')).toMatchObject({ projection: 'alpha' });
    });
  }
});
