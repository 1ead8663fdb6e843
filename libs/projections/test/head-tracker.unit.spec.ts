import type { ReadAllOptions, RecordedEvent } from '@referral/event-store';
import { HeadTracker, LAG_COUNT_LIMIT, RECOUNT_AFTER_CATCH_UP_MS } from '../src/head-tracker';

/** Events at the given positions; appending adds more. Counts every question it is asked. */
function fakeStore(positions: bigint[]) {
  const asked = { head: 0, counts: 0 };
  const after = (position: bigint | null) => positions.filter((p) => position === null || p > position);
  return {
    asked,
    append: (...more: bigint[]) => positions.push(...more),
    async readAll({ after: from = null, maxCount = 1000 }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
      return after(from).slice(0, maxCount).map((position) => ({ position }) as RecordedEvent);
    },
    async headPosition() {
      asked.head++;
      return positions.length ? positions[positions.length - 1] : null;
    },
    async countAfter(position: bigint | null, limit: number) {
      asked.counts++;
      return Math.min(after(position).length, limit);
    },
  };
}

describe('HeadTracker', () => {
  let time = 0;
  const now = () => time;
  beforeEach(() => (time = 0));

  it('asks the store for its head, again only after refreshMs', async () => {
    const store = fakeStore([3n, 7n, 100n]);
    const tracker = new HeadTracker(store, 1000, now);
    expect(await tracker.refresh()).toBe(100n);
    store.append(200n);
    expect(await tracker.refresh()).toBe(100n);
    expect(await tracker.refresh(true)).toBe(200n);
    time = 1000;
    store.append(300n);
    expect(await tracker.refresh()).toBe(300n);
    expect(store.asked.head).toBe(3);
    expect(await new HeadTracker(fakeStore([]), 1000, now).refresh()).toBeNull();
  });

  it('counts the lag in events, and between counts takes off the events applied', async () => {
    const store = fakeStore([1n, 2n, 50n, 51n, 52n, 900n]);
    const tracker = new HeadTracker(store, 1000, now);
    expect(await tracker.lagBehind(null)).toBe(6);
    expect(await tracker.lagBehind(50n, 3)).toBe(3);
    expect(await tracker.lagBehind(900n, 5)).toBe(0);
    expect(store.asked.counts).toBe(1);
    time = 1000;
    expect(await tracker.lagBehind(51n, 0)).toBe(2);
    expect(store.asked.counts).toBe(2);
  });

  it('counts afresh once caught up, and at most LAG_COUNT_LIMIT', async () => {
    const store = fakeStore([1n, 2n]);
    const tracker = new HeadTracker(store, 5000, now);
    expect(await tracker.lagBehind(1n, 1)).toBe(1);
    time = RECOUNT_AFTER_CATCH_UP_MS;
    expect(await tracker.nothingAfter(2n)).toBe(true);
    store.append(...Array.from({ length: LAG_COUNT_LIMIT + 10 }, (_, i) => BigInt(i + 3)));
    expect(await tracker.lagBehind(2n, 1)).toBe(LAG_COUNT_LIMIT);
    expect(store.asked.counts).toBe(2);
  });

  it('once caught up, counts again only a second after the last count (a steady trickle is caught up at every batch)', async () => {
    const store = fakeStore([1n, 2n]);
    const tracker = new HeadTracker(store, 5000, now);
    expect(await tracker.lagBehind(1n, 1)).toBe(1);
    let head = 2n;
    for (let batch = 0; batch < 5; batch += 1) {
      time += 100;
      expect(await tracker.nothingAfter(head)).toBe(true);
      // The next batch brings it one on, and one more came in meanwhile: not caught up, so a lag.
      store.append(head + 1n, head + 2n);
      expect(await tracker.lagBehind(head + 1n, 1)).toBe(0);
      head += 2n;
    }
    expect(store.asked.counts).toBe(1);
    time = RECOUNT_AFTER_CATCH_UP_MS;
    expect(await tracker.nothingAfter(head)).toBe(true);
    store.append(head + 1n, head + 2n, head + 3n);
    expect(await tracker.lagBehind(head + 1n, 1)).toBe(2);
    expect(store.asked.counts).toBe(2);
  });
});
