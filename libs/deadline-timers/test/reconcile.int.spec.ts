import { eventually } from '../../../test/support/eventually';
import { wipePrefix } from './support/redis-fixture';
import { eachTest } from './support/timers-fixture';

describe('DeadlineTimers reconciliation', () => {
  const t = eachTest();

  it('re-arms everything Redis lost while the worker runs', async () => {
    const timers = t.fixture.create();
    await timers.start(t.recorder.handler);
    const expected = Array.from({ length: 30 }, (_, i) => t.fixture.timer(500 + i * 10, i % 3 === 0 ? 'at-risk' : 'first-contact'));
    for (const timer of expected) await timers.arm(timer);
    await wipePrefix(t.fixture.connection, t.fixture.prefix);
    expect(await timers.reconcile(expected)).toEqual({ armed: 30, fired: 0 });
    await eventually(() => expected.every((timer) => t.recorder.count(timer) >= 1), { what: 'every expected timer' });
  });

  it('costs no second job for timers still armed', async () => {
    const timers = t.fixture.create();
    const timer = t.fixture.timer(300);
    const sentinel = t.fixture.timer(600);
    await timers.arm(timer);
    await timers.reconcile([timer, sentinel]);
    await timers.start(t.recorder.handler);
    await eventually(() => t.recorder.count(sentinel) === 1, { what: 'the sentinel' });
    expect(t.recorder.count(timer)).toBe(1);
  });

  it('fires a timer that fell due while nothing ran, at once', async () => {
    const timers = t.fixture.create();
    await timers.start(t.recorder.handler);
    const overdue = t.fixture.timer(-3_600_000, 'reach-attempts');
    const startedAt = Date.now();
    expect(await timers.reconcile([overdue])).toEqual({ armed: 0, fired: 1 });
    await eventually(() => t.recorder.count(overdue) === 1, { what: 'the overdue fire', timeoutMs: 2_000 });
    expect(t.recorder.firstAt(overdue)! - startedAt).toBeLessThan(1_000);
  });

  it('reconciles now and on a schedule, never two runs at once, until stopped', async () => {
    const timers = t.fixture.create();
    await timers.start(t.recorder.handler);
    let running = 0;
    let overlapped = false;
    let calls = 0;
    const source = async () => {
      calls += 1;
      running += 1;
      overlapped ||= running > 1;
      await new Promise((resolve) => setTimeout(resolve, 30)); // longer than the period
      running -= 1;
      return calls === 1 ? [] : [t.fixture.timer(-1)];
    };
    const handle = await timers.startReconciliation(source, 10);
    expect(calls).toBe(1);
    await eventually(() => calls >= 4, { what: 'a few scheduled runs' });
    await handle.stop();
    const callsAtStop = calls;
    await eventually(() => t.recorder.fires.length >= 1, { what: 'a fire from a scheduled run' });
    expect(overlapped).toBe(false);
    expect(calls).toBe(callsAtStop);
  });

  it('keeps the schedule going after a failing run', async () => {
    const timers = t.fixture.create();
    let calls = 0;
    const handle = await timers.startReconciliation(async () => {
      calls += 1;
      if (calls === 1) throw new Error('read model down');
      return [];
    }, 10);
    await eventually(() => calls >= 2, { what: 'a run after the failure' });
    await handle.stop();
    expect(t.fixture.log.lines).toContainEqual(expect.objectContaining({ fields: { error: { name: 'Error', message: 'read model down' } } }));
  });

  it('re-arms at once, not at the next schedule, when Redis loses its data while it runs', async () => {
    const timers = t.fixture.create();
    await timers.start(t.recorder.handler);
    // Due well after the loss, so none can fire before it (a busy machine takes a while to get there).
    const expected = Array.from({ length: 10 }, (_, i) => t.fixture.timer(4_000 + i * 10));
    let runs = 0;
    const handle = await timers.startReconciliation(async () => {
      runs += 1;
      return expected;
    }, 3_600_000, 20);
    expect(runs).toBe(1);
    await wipePrefix(t.fixture.connection, t.fixture.prefix);
    await eventually(() => runs === 2, { what: 'a run started by the loss' });
    await eventually(() => expected.every((timer) => t.recorder.count(timer) === 1), { what: 'every timer the loss took', timeoutMs: 20_000 });
    await handle.stop();
    expect(t.fixture.log.lines).toContainEqual(expect.objectContaining({ message: expect.stringContaining('Redis has lost the deadline timers') }));
  });
});
