import { WrongExpectedRevisionError } from '@referral/event-store';
import { expectRejection, ids, inStreams, newEvent, newEvents, takeFromSubscription, uniqueStreamId } from './contract-fixtures';
import type { HarnessAccess } from './index';

export function describeMultiStreamAppendContract(harness: HarnessAccess): void {
  describe('atomic append to several streams', () => {
    it('writes every stream, with positions in the order of the appends, and answers each one’s result', async () => {
      const { store } = harness();
      const [a, b, c] = [uniqueStreamId(), uniqueStreamId(), uniqueStreamId()];
      await store.appendToStream(b, newEvents(2));
      const [toA, toB, toC] = [newEvents(2), newEvents(1), newEvents(3)];
      const results = await store.appendToStreams([
        { streamId: a, events: toA, expectedRevision: 'no-stream' },
        { streamId: b, events: toB, expectedRevision: 1 },
        { streamId: c, events: toC },
      ]);
      const [readA, readB, readC] = await Promise.all([a, b, c].map((stream) => store.readStream(stream)));
      expect(ids(readA)).toEqual(ids(toA));
      expect(ids(readB.slice(2))).toEqual(ids(toB));
      expect(ids(readC)).toEqual(ids(toC));
      expect(results).toEqual([
        { nextExpectedRevision: 1, position: readA[1].position },
        { nextExpectedRevision: 2, position: readB[2].position },
        { nextExpectedRevision: 2, position: readC[2].position },
      ]);
      const positions = [...readA, readB[2], ...readC].map((event) => event.position);
      expect([...positions].sort((x, y) => (x < y ? -1 : 1))).toEqual(positions);
    });

    it('writes nothing at all when one expected revision does not hold, and names that stream', async () => {
      const { store } = harness();
      const [fresh, existing, other] = [uniqueStreamId(), uniqueStreamId(), uniqueStreamId()];
      await store.appendToStream(existing, newEvents(2));
      await store.appendToStream(other, [newEvent()]);
      const error = await expectRejection(
        store.appendToStreams([
          { streamId: fresh, events: newEvents(2), expectedRevision: 'no-stream' },
          { streamId: other, events: [newEvent()], expectedRevision: 'any' },
          { streamId: existing, events: [newEvent()], expectedRevision: 'no-stream' },
        ]),
      );
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamId: existing, actual: 1 });
      expect(await store.readStream(fresh)).toEqual([]);
      expect(await store.readStream(other)).toHaveLength(1);
      expect(await store.readStream(existing)).toHaveLength(2);
    });

    it('lets one of several concurrent writes that claim the same new stream win, whole', async () => {
      const { store } = harness();
      const claimed = uniqueStreamId();
      const attempts = Array.from({ length: 6 }, () => ({ claim: [newEvent()], own: uniqueStreamId(), events: newEvents(2) }));
      const outcomes = await Promise.allSettled(
        attempts.map(({ claim, own, events }) =>
          store.appendToStreams([
            { streamId: claimed, events: claim, expectedRevision: 'no-stream' },
            { streamId: own, events, expectedRevision: 'no-stream' },
          ]),
        ),
      );
      const winners = outcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [attempts[index]] : []));
      expect(winners).toHaveLength(1);
      expect(ids(await store.readStream(claimed))).toEqual(ids(winners[0].claim));
      for (const attempt of attempts) {
        expect(ids(await store.readStream(attempt.own))).toEqual(attempt === winners[0] ? ids(attempt.events) : []);
      }
    });

    it('answers the original results for the same write again, and writes nothing twice', async () => {
      const { store } = harness();
      const [a, b] = [uniqueStreamId(), uniqueStreamId()];
      const write = [
        { streamId: a, events: newEvents(2), expectedRevision: 'no-stream' as const },
        { streamId: b, events: newEvents(1) },
      ];
      const original = await store.appendToStreams(write);
      expect(await store.appendToStreams(write)).toEqual(original);
      expect(await store.readStream(a)).toHaveLength(2);
      expect(await store.readStream(b)).toHaveLength(1);
    });

    it('delivers every event of the write to subscribers, in the order of the appends', async () => {
      const { store } = harness();
      const [a, b] = [uniqueStreamId(), uniqueStreamId()];
      const [marker] = [newEvent()];
      const { position: after } = await store.appendToStream(a, [marker]);
      const [toB, toA] = [newEvents(2), newEvents(2)];
      await store.appendToStreams([
        { streamId: b, events: toB, expectedRevision: 'no-stream' },
        { streamId: a, events: toA, expectedRevision: 0 },
      ]);
      const { events } = await takeFromSubscription(store, after, inStreams(a, b), 4);
      expect(ids(events)).toEqual(ids([...toB, ...toA]));
    });

    it('refuses an empty write, an empty batch and a stream named twice before writing anything', async () => {
      const { store } = harness();
      const stream = uniqueStreamId();
      await expect(store.appendToStreams([])).rejects.toBeInstanceOf(RangeError);
      await expect(store.appendToStreams([{ streamId: stream, events: [] }])).rejects.toBeInstanceOf(RangeError);
      const twice = [{ streamId: stream, events: [newEvent()] }, { streamId: stream, events: [newEvent()] }];
      await expect(store.appendToStreams(twice)).rejects.toBeInstanceOf(RangeError);
      expect(await store.readStream(stream)).toEqual([]);
    });
  });
}
