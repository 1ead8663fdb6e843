import { Gate, sleepUntil, type WallClock } from '../src/exact-instant';

describe('Gate', () => {
  it('runs no more than its limit at once, in arrival order, and frees a slot on failure', async () => {
    const gate = new Gate(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const work = (n: number) => gate.run(async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      order.push(n);
      if (n === 0) throw new Error('first fails');
    });
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map(work));
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
  });
});

/** A clock that moves only when waited on, by what `early` says: `ms - early(n)` on the n-th wait. */
function steppedClock(startMs: number, early: (n: number) => number = () => 0) {
  let now = startMs;
  const waits: number[] = [];
  const clock: WallClock = {
    now: () => now,
    wait: async (ms) => {
      waits.push(ms);
      now += ms - early(waits.length);
    },
  };
  return { clock, waits, now: () => now };
}

describe('sleepUntil', () => {
  it('waits for a future instant, and not for a past or missing one', async () => {
    const t = steppedClock(1_000);
    await sleepUntil(1_030, t.clock);
    expect(t.waits).toEqual([30]);
    expect(t.now()).toBe(1_030);
    await sleepUntil(500, t.clock);
    await sleepUntil(Number.NaN, t.clock);
    await sleepUntil(1_030, t.clock);
    expect(t.waits).toEqual([30]);
  });

  it('waits again when the timer ends before the clock reaches the instant', async () => {
    // The first two timers end a millisecond early, as Node's may against Date.now().
    const t = steppedClock(0, (n) => (n <= 2 ? 1 : 0));
    await sleepUntil(10, t.clock);
    expect(t.waits).toEqual([10, 1, 1]);
    expect(t.now()).toBeGreaterThanOrEqual(10);
  });
});
