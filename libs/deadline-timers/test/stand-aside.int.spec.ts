import { eventually } from '../../../test/support/eventually';
import type { DeadlineTimer } from '../src';
import { eachTest } from './support/timers-fixture';

describe('a deadline worker whose handler cannot finish (its database is out of reach)', () => {
  const t = eachTest();

  it('fails the run past its bound, takes no timers until its probe answers, and another worker records the timer meanwhile', async () => {
    const retry = { attempts: 5, backoffMs: 50 };
    const cutOff = t.fixture.create({ retry });
    const healthy = t.fixture.create({ retry });
    const stuck: DeadlineTimer[] = [];
    let reachable = false;
    await cutOff.start(async (timer) => {
      stuck.push(timer);
      await new Promise(() => undefined); // a query on a connection that no longer answers
    }, { handlerTimeoutMs: 300, healthy: async () => { if (!reachable) throw new Error('database unreachable'); } });
    const timer = t.fixture.timer(0);
    await cutOff.arm(timer);
    await eventually(() => stuck.length === 1, { what: 'the cut-off worker to take the timer' });
    await eventually(() => t.fixture.log.lines.some((line) => line.message.includes('this worker takes no timers until it answers')), { what: 'the worker to stand aside' });

    await healthy.start(t.recorder.handler);
    await eventually(() => t.recorder.count(timer) === 1, { what: 'the other worker to record the timer', timeoutMs: 10_000 });
    expect(stuck).toHaveLength(1);

    reachable = true;
    await eventually(() => t.fixture.log.lines.some((line) => line.message === 'The deadline worker takes timers again'), { what: 'the worker to take timers again', timeoutMs: 5_000 });
  });
});
