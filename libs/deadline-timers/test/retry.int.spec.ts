import { eventually } from '../../../test/support/eventually';
import { eachTest } from './support/timers-fixture';

describe('DeadlineTimers handler failures', () => {
  const t = eachTest();

  it('retries a failing handler with backoff and logs ids and the error\'s name, code and message', async () => {
    const timers = t.fixture.create({ retry: { attempts: 5, backoffMs: 50 } });
    await timers.start(t.recorder.handler);
    const timer = t.fixture.timer(200);
    t.recorder.failFirst(timer, 2);
    await timers.arm(timer);
    await eventually(() => t.recorder.count(timer) === 1, { what: 'the successful retry' });
    const failures = t.fixture.log.lines.filter((line) => line.message === 'Deadline timer handler failed');
    expect(failures.map((line) => line.fields)).toEqual([
      expect.objectContaining({ kind: 'first-contact', caseId: timer.caseId, attempt: 1, willRetry: true,
        error: { name: 'Error', code: 'ECONNRESET', message: 'Case store did not answer' } }),
      expect.objectContaining({ attempt: 2, willRetry: true }),
    ]);
  });

  // A failed job is kept for inspection; left there, its id would make the next add a no-op.
  it('fires again when re-armed after it failed for good', async () => {
    const timers = t.fixture.create({ retry: { attempts: 1 } });
    await timers.start(t.recorder.handler);
    const timer = t.fixture.timer(100);
    t.recorder.failFirst(timer, 1);
    await timers.arm(timer);
    await eventually(
      () => t.fixture.log.lines.some((line) => line.fields.caseId === timer.caseId && line.fields.willRetry === false),
      { what: 'the final failure' },
    );
    await timers.arm(timer);
    await eventually(() => t.recorder.count(timer) === 1, { what: 'the fire after re-arming' });
  });
});
