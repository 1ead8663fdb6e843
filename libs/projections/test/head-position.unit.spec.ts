import fc from 'fast-check';
import type { ReadAllOptions, RecordedEvent } from '@referral/event-store';
import { findHeadPosition } from '../src/head-position';

function storeWith(positions: bigint[]) {
  const sorted = [...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let reads = 0;
  return {
    reads: () => reads,
    async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
      reads += 1;
      const after = options.after ?? null;
      return sorted
        .filter((p) => after === null || p > after)
        .slice(0, options.maxCount ?? 1000)
        .map((position) => ({ position }) as RecordedEvent);
    },
  };
}

describe('findHeadPosition', () => {
  it('is null for an empty store', async () => {
    expect(await findHeadPosition(storeWith([]))).toBeNull();
  });

  it('finds the last position whatever the gaps', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.bigInt({ min: 1n, max: 1n << 40n }), { minLength: 1, maxLength: 50 }), async (positions) => {
        const max = positions.reduce((a, b) => (a > b ? a : b));
        expect(await findHeadPosition(storeWith(positions))).toBe(max);
      }),
    );
  });

  it('needs only logarithmically many reads', async () => {
    const store = storeWith(Array.from({ length: 100_000 }, (_, i) => BigInt(i + 1)));
    expect(await findHeadPosition(store)).toBe(100_000n);
    expect(store.reads()).toBeLessThanOrEqual(2 * 17 + 2);
  });
});
