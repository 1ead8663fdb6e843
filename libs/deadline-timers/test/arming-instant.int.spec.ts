import { storeQueueName } from '../src';
import { eachTest } from './support/timers-fixture';

describe('DeadlineTimers arming (real Redis)', () => {
  const t = eachTest();
  afterEach(() => jest.restoreAllMocks());

  it('schedules from the instant it computed the delay at, however late the add gets under way', async () => {
    const earlyMs = 200;
    const timers = t.fixture.create({ earlyMs });
    const timer = t.fixture.timer(3_600_000);
    // The wall clock reads a minute later after the first reading: as if the round trips before
    // the add (and the add's own wait for its connection) had taken that long.
    const first = Date.now();
    const realNow = Date.now.bind(Date);
    let readings = 0;
    jest.spyOn(Date, 'now').mockImplementation(() => (readings++ === 0 ? first : realNow() + 60_000));
    await timers.arm(timer, new Date(first));
    jest.restoreAllMocks();

    const key = `${t.fixture.prefix}:${storeQueueName('referral-deadlines', 'test-store')}:delayed`;
    const [jobId, score] = await t.fixture.connection.zrange(key, 0, 0, 'WITHSCORES');
    expect(jobId).toContain(timer.caseId);
    const dueMs = Date.parse(timer.dueAt);
    // BullMQ keeps a delayed job at (timestamp + delay) * 4096 + a counter.
    expect(Math.floor(Number(score) / 0x1000)).toBe(dueMs + 1 - earlyMs);
  });
});
