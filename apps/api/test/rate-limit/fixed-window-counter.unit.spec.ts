import type { Redis } from 'ioredis';
import { FixedWindowCounter } from '../../src/rate-limit/fixed-window-counter';
import { retryAfterSeconds } from '../../src/rate-limit/retry-after';
import { SettableClock } from '../../../../test/support/settable-clock';

describe('FixedWindowCounter with Redis away', () => {
  const clock = new SettableClock(new Date('2025-06-10T08:00:05Z'));
  const awayRedis = { status: 'reconnecting', eval: jest.fn(), get: jest.fn() } as unknown as Redis;
  const counter = new FixedWindowCounter(awayRedis, clock, 'unit', 60_000);

  it('fails open to a count in memory, per client and per window, without waiting for Redis', async () => {
    expect((await counter.increment('intake', 'a')).count).toBe(1);
    expect((await counter.increment('intake', 'a')).count).toBe(2);
    expect((await counter.increment('intake', 'b')).count).toBe(1);
    expect((await counter.current('intake', 'a')).count).toBe(2);
    expect(retryAfterSeconds(await counter.current('intake', 'a'), clock)).toBe(55);

    clock.advance(60_000);
    expect((await counter.current('intake', 'a')).count).toBe(0);
    expect((await counter.increment('intake', 'a')).count).toBe(1);
    expect(awayRedis.eval).not.toHaveBeenCalled();
  });
});
