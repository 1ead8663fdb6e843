import { eventually } from '../../../test/support/eventually';
import { eachTest } from './support/timers-fixture';

describe('DeadlineTimers queue counts (real Redis)', () => {
  const t = eachTest();

  it('counts nothing on a fresh queue', async () => {
    expect(await t.fixture.create().counts()).toEqual({ waiting: 0, delayed: 0, active: 0, failed: 0 });
  });

  it('counts armed timers as delayed and removes a cancelled one', async () => {
    const timers = t.fixture.create();
    const armed = [t.fixture.timer(3_600_000), t.fixture.timer(7_200_000, 'reach-attempts'), t.fixture.timer(3_600_000, 'at-risk')];
    for (const timer of armed) await timers.arm(timer);
    expect(await timers.counts()).toMatchObject({ delayed: 3, waiting: 0, active: 0 });
    await timers.cancel(armed[0]);
    expect((await timers.counts()).delayed).toBe(2);
  });

  it('counts a due timer as waiting while no worker takes it, and as active while its handler runs', async () => {
    const timers = t.fixture.create({ earlyMs: 0 });
    const due = t.fixture.timer(-1_000);
    await timers.arm(due);
    await eventually(async () => (await timers.counts()).waiting === 1, { what: 'the due job waiting' });

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await timers.start(() => held);
    await eventually(async () => (await timers.counts()).active === 1, { what: 'the job active' });
    expect((await timers.counts()).waiting).toBe(0);
    release();
    await eventually(async () => (await timers.counts()).active === 0, { what: 'the job done' });
  });
});
