import { Gate, sleepUntil } from '../src/exact-instant';

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

describe('sleepUntil', () => {
  it('waits for a future instant and not for a past or missing one', async () => {
    const start = Date.now();
    await sleepUntil(start + 30);
    expect(Date.now() - start).toBeGreaterThanOrEqual(29);
    const again = Date.now();
    await sleepUntil(again - 1000);
    await sleepUntil(Number.NaN);
    expect(Date.now() - again).toBeLessThan(20);
  });

  it('never resolves before the instant by Date.now()', async () => {
    const early = await Promise.all(Array.from({ length: 200 }, async (_, i) => {
      const at = Date.now() + 1 + (i % 7);
      await sleepUntil(at);
      return Date.now() < at;
    }));
    expect(early.filter(Boolean)).toEqual([]);
  });
});
