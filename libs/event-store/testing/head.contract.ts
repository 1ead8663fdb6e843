import { expectRejection, newEvents, uniqueStreamId } from './contract-fixtures';
import type { HarnessAccess } from './index';

/**
 * `headPosition` and `countAfter`. With `exclusive` (a fresh store no one else writes to) the
 * answers are exact; on a shared server others may append meanwhile, so they are bounds.
 */
export function describeHeadContract(harness: HarnessAccess, exclusive: boolean): void {
  describe('the head and counting events', () => {
    if (exclusive) {
      it('an empty store has no head and nothing to count', async () => {
        const { store } = harness();
        expect(await store.headPosition()).toBeNull();
        expect(await store.countAfter(null, 10)).toBe(0);
      });
    }

    it('the head is the position of the last event appended', async () => {
      const { store } = harness();
      const stream = uniqueStreamId();
      const first = await store.appendToStream(stream, newEvents(3));
      const second = await store.appendToStreams([{ streamId: uniqueStreamId(), events: newEvents(2) }, { streamId: stream, events: newEvents(1) }]);
      const head = await store.headPosition();
      const last = second[1].position;
      if (exclusive) expect(head).toBe(last);
      else expect(head! >= last).toBe(true);
      expect(last > first.position).toBe(true);
      const [fromHead] = await store.readAll({ after: head, maxCount: 1 });
      if (exclusive) expect(fromHead).toBeUndefined();
    });

    it('counts the events after a position, at most the limit', async () => {
      const { store } = harness();
      const stream = uniqueStreamId();
      await store.appendToStream(stream, newEvents(6));
      const [second] = await store.readStream(stream, { fromRevision: 1, maxCount: 1 });
      const count = await store.countAfter(second.position, 100);
      if (exclusive) expect(count).toBe(4);
      else expect(count).toBeGreaterThanOrEqual(4);
      expect(await store.countAfter(second.position, 3)).toBe(3);
      expect(await store.countAfter(second.position, 0)).toBe(0);
      if (exclusive) {
        expect(await store.countAfter(null, 100)).toBe(6);
        expect(await store.countAfter(await store.headPosition(), 100)).toBe(0);
      }
    });

    it('counts events, not positions, past an append that failed', async () => {
      const { store } = harness();
      const [a, b] = [uniqueStreamId(), uniqueStreamId()];
      const before = await store.appendToStream(a, newEvents(1));
      // The first stream's events are written, then the second's expectation fails: all roll back.
      await expectRejection(store.appendToStreams([{ streamId: uniqueStreamId(), events: newEvents(5) }, { streamId: b, events: newEvents(1), expectedRevision: 3 }]));
      const after = await store.appendToStream(a, newEvents(2));
      const count = await store.countAfter(before.position, 1000);
      if (exclusive) {
        expect(count).toBe(2);
        expect(await store.headPosition()).toBe(after.position);
      } else {
        expect(count).toBeGreaterThanOrEqual(2);
      }
    });
  });
}
