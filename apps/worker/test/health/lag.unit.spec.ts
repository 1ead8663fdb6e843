import type { ReadAllOptions, RecordedEvent } from '@referral/event-store';
import { LAG_COUNT_LIMIT } from '@referral/projections';
import { lagOf } from '../../src/health/lag';

/** A store of events at the given positions (gaps allowed), each recorded at `recordedAt(position)`. */
function storeAt(positions: bigint[], recordedAt: (position: bigint) => Date) {
  const counts: Array<[bigint | null, number]> = [];
  const after = (position: bigint | null) => positions.filter((p) => position === null || p > position);
  return {
    counts,
    async readAll({ after: from = null, maxCount = 1000 }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
      return after(from).slice(0, maxCount).map((position) => ({ position, recordedAt: recordedAt(position) }) as RecordedEvent);
    },
    async countAfter(position: bigint | null, limit: number): Promise<number> {
      counts.push([position, limit]);
      return Math.min(after(position).length, limit);
    },
  };
}

describe('lag of a background component', () => {
  const now = new Date('2025-06-10T08:00:00Z');
  const secondsAgo = (position: bigint) => new Date(now.getTime() - Number(position) * 1000);

  it('counts events, not positions: gaps between positions are no lag', async () => {
    const store = storeAt([1n, 2n, 40n, 41n, 90n], secondsAgo);
    expect(await lagOf(store, 90n, 2n, now)).toEqual({ lagEvents: 3, lagEventsAtLeast: false, lagSeconds: 40 });
    expect(await lagOf(store, 90n, null, now)).toEqual({ lagEvents: 5, lagEventsAtLeast: false, lagSeconds: 1 });
  });

  it('reads nothing for a component at the head or an empty store', async () => {
    const store = storeAt([1n, 2n], secondsAgo);
    expect(await lagOf(store, 2n, 2n, now)).toEqual({ lagEvents: 0, lagEventsAtLeast: false, lagSeconds: 0 });
    expect(await lagOf(store, null, null, now)).toEqual({ lagEvents: 0, lagEventsAtLeast: false, lagSeconds: 0 });
    expect(store.counts).toEqual([]);
  });

  it('says "at least" beyond the count limit', async () => {
    const many = Array.from({ length: LAG_COUNT_LIMIT + 5 }, (_, i) => BigInt(i + 1));
    const store = storeAt(many, () => now);
    expect(await lagOf(store, many[many.length - 1], null, now)).toEqual({ lagEvents: LAG_COUNT_LIMIT, lagEventsAtLeast: true, lagSeconds: 0 });
    expect(store.counts).toEqual([[null, LAG_COUNT_LIMIT]]);
  });
});
