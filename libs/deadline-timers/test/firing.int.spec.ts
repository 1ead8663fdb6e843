import { Queue } from 'bullmq';
import { eventually } from '../../../test/support/eventually';
import { eachTest } from './support/timers-fixture';

/** Real Redis; "exactly once so far" is checked once a later sentinel timer has fired. */
describe('DeadlineTimers firing', () => {
  const t = eachTest();

  it('fires once, just after its due time', async () => {
    const timers = t.fixture.create();
    await timers.start(t.recorder.handler);
    const timer = t.fixture.timer(400);
    const sentinel = t.fixture.timer(900);
    await timers.arm(timer);
    await timers.arm(sentinel);
    await eventually(() => t.recorder.count(sentinel) === 1, { what: 'the sentinel' });
    expect(t.recorder.count(timer)).toBe(1);
    const lateness = t.recorder.firstAt(timer)! - Date.parse(timer.dueAt);
    expect(lateness).toBeGreaterThanOrEqual(1);
    expect(lateness).toBeLessThan(1000);
  });

  it('computes the delay from the injected clock', async () => {
    const skewMs = 3_600_000;
    const timers = t.fixture.create({ clock: { now: () => new Date(Date.now() - skewMs) } });
    await timers.start(t.recorder.handler);
    const timer = { ...t.fixture.timer(300 - skewMs) };
    const armedAt = Date.now();
    await timers.arm(timer);
    await eventually(() => t.recorder.count(timer) === 1, { what: 'the fire' });
    expect(t.recorder.firstAt(timer)! - armedAt).toBeGreaterThanOrEqual(250);
  });

  it('keeps one job when armed twice, even at once', async () => {
    const timers = t.fixture.create();
    const timer = t.fixture.timer(300);
    const sentinel = t.fixture.timer(700);
    await Promise.all([timers.arm(timer), timers.arm(timer)]);
    await timers.arm(timer);
    await timers.arm(sentinel);
    const queue = new Queue(timers.queueName, { connection: t.fixture.connection, prefix: t.fixture.prefix });
    expect(await queue.getDelayedCount()).toBe(2);
    await queue.close();
    await timers.start(t.recorder.handler);
    await eventually(() => t.recorder.count(sentinel) === 1, { what: 'the sentinel' });
    expect(t.recorder.count(timer)).toBe(1);
  });

  it('hands the handler the correlation and causation ids of the first arming; arming again keeps them', async () => {
    const timers = t.fixture.create();
    const timer = t.fixture.timer(300);
    await timers.arm({ ...timer, correlationId: 'req-first', causationId: 'event-1' });
    await timers.arm({ ...timer, correlationId: 'req-later', causationId: 'event-2' });
    await timers.start(t.recorder.handler);
    await eventually(() => t.recorder.count(timer) === 1, { what: 'the fire' });
    expect(t.recorder.fires[0]?.timer).toEqual({ ...timer, correlationId: 'req-first', causationId: 'event-1' });
  });

  // Completed jobs are removed, so the id is free again: a re-arm after the fire is a new job and
  // fires again. Accepted, because the check-deadline command is idempotent.
  it('fires again when re-armed after it completed', async () => {
    const timers = t.fixture.create();
    await timers.start(t.recorder.handler);
    const timer = t.fixture.timer(200);
    await timers.arm(timer);
    await eventually(() => t.recorder.count(timer) === 1, { what: 'the first fire' });
    await timers.arm(timer);
    await eventually(() => t.recorder.count(timer) === 2, { what: 'the second fire' });
  });

  it('does not fire a cancelled timer; cancelling a missing one is fine', async () => {
    const timers = t.fixture.create();
    await timers.start(t.recorder.handler);
    const timer = t.fixture.timer(300);
    const sentinel = t.fixture.timer(600);
    await timers.arm(timer);
    await timers.arm(sentinel);
    await timers.cancel(timer);
    await timers.cancel(t.fixture.timer(100));
    await eventually(() => t.recorder.count(sentinel) === 1, { what: 'the sentinel' });
    expect(t.recorder.count(timer)).toBe(0);
  });
});
