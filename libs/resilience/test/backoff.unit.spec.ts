import { backoffDelay } from '../src/backoff';

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the cap', () => {
    expect([1, 2, 3, 4, 10].map((a) => backoffDelay(a, { initialMs: 100, maxMs: 500 }))).toEqual([100, 200, 400, 500, 500]);
    expect(backoffDelay(1000)).toBe(30_000);
  });

  it('takes a random share of at most `jitter` off the delay, from the given source', () => {
    const jittered = (random: number) => backoffDelay(3, { initialMs: 100, maxMs: 10_000, jitter: 0.5, random: () => random });
    expect(jittered(0)).toBe(400);
    expect(jittered(0.5)).toBe(300);
    expect(jittered(0.999)).toBe(200);
  });

  it('jitters the capped delay, never above the cap', () => {
    expect(backoffDelay(20, { initialMs: 100, maxMs: 1000, jitter: 0.2, random: () => 0.5 })).toBe(900);
  });
});
