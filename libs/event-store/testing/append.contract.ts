import { IdempotencyConflictError, WrongExpectedRevisionError, type ExpectedRevision } from '@referral/event-store';
import { expectRejection, ids, newEvent, newEvents, uniqueStreamId } from './contract-fixtures';
import type { HarnessAccess } from './index';

export function describeAppendContract(harness: HarnessAccess, idsUniqueAcrossStreams: boolean): void {
  describe('append with an expected revision', () => {
    it('creates a stream with no-stream, and refuses no-stream once it exists', async () => {
      const { store } = harness();
      const stream = uniqueStreamId();
      const first = await store.appendToStream(stream, newEvents(2), { expectedRevision: 'no-stream' });
      expect(first.nextExpectedRevision).toBe(1);
      await expectWrongRevision(store.appendToStream(stream, [newEvent()], { expectedRevision: 'no-stream' }), 1);
    });

    it('appends with stream-exists only to an existing stream', async () => {
      const { store } = harness();
      const stream = uniqueStreamId();
      await expectWrongRevision(store.appendToStream(stream, [newEvent()], { expectedRevision: 'stream-exists' }), -1);
      await store.appendToStream(stream, [newEvent()]);
      const result = await store.appendToStream(stream, [newEvent()], { expectedRevision: 'stream-exists' });
      expect(result.nextExpectedRevision).toBe(1);
    });

    it('appends with any whatever the state, the default', async () => {
      const { store } = harness();
      const stream = uniqueStreamId();
      expect((await store.appendToStream(stream, [newEvent()], { expectedRevision: 'any' })).nextExpectedRevision).toBe(0);
      expect((await store.appendToStream(stream, newEvents(3))).nextExpectedRevision).toBe(3);
    });

    it('appends at the exact revision and refuses any other, reporting the actual one', async () => {
      const { store } = harness();
      const stream = uniqueStreamId();
      await expectWrongRevision(store.appendToStream(stream, [newEvent()], { expectedRevision: 0 }), -1);
      await store.appendToStream(stream, newEvents(3), { expectedRevision: 'no-stream' });
      await expectWrongRevision(store.appendToStream(stream, [newEvent()], { expectedRevision: 1 }), 2);
      await expectWrongRevision(store.appendToStream(stream, [newEvent()], { expectedRevision: 3 }), 2);
      const result = await store.appendToStream(stream, [newEvent()], { expectedRevision: 2 });
      expect(result.nextExpectedRevision).toBe(3);
      expect(await store.readStream(stream)).toHaveLength(4);
    });

    it('lets exactly one of several concurrent appends at the same revision win', async () => {
      const { store } = harness();
      const stream = uniqueStreamId();
      await store.appendToStream(stream, [newEvent()], { expectedRevision: 'no-stream' });
      const attempts = Array.from({ length: 6 }, () => newEvents(2));
      const outcomes = await Promise.allSettled(
        attempts.map((events) => store.appendToStream(stream, events, { expectedRevision: 0 })),
      );
      const winners = outcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [index] : []));
      expect(winners).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') {
          expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
          expect((outcome.reason as WrongExpectedRevisionError).actual).toBe(2);
        }
      }
      expect(ids((await store.readStream(stream)).slice(1))).toEqual(ids(attempts[winners[0]]));
    });
  });

  describe('idempotent re-append', () => {
    it('answers the original result for the same batch, and writes nothing twice', async () => {
      const { store } = harness();
      const stream = uniqueStreamId();
      const batch = newEvents(3);
      const original = await store.appendToStream(stream, batch, { expectedRevision: 'no-stream' });
      await store.appendToStream(stream, [newEvent()]);
      // The same expectation as the original append, and 'any'.
      for (const expectedRevision of ['no-stream', 'any'] as ExpectedRevision[]) {
        expect(await store.appendToStream(stream, batch, { expectedRevision })).toEqual(original);
      }
      expect(await store.readStream(stream)).toHaveLength(4);
    });

    it('answers the original result after the store was closed and opened again', async () => {
      const h = harness();
      const stream = uniqueStreamId();
      const batch = newEvents(2);
      const original = await h.store.appendToStream(stream, batch, { expectedRevision: 'no-stream' });
      const reopened = await h.reopen();
      expect(await reopened.appendToStream(stream, batch, { expectedRevision: 'no-stream' })).toEqual(original);
      expect(ids(await reopened.readStream(stream))).toEqual(ids(batch));
    });

    it('refuses a batch that reuses only some of the ids of an earlier one', async () => {
      const { store } = harness();
      const stream = uniqueStreamId();
      const batch = newEvents(2);
      await store.appendToStream(stream, batch);
      const error = await expectRejection(store.appendToStream(stream, [batch[0], newEvent()]));
      expect(error).toBeInstanceOf(IdempotencyConflictError);
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it(idsUniqueAcrossStreams
      ? 'refuses the same ids in another stream'
      : 'keeps the first stream intact when the same ids go to another stream', async () => {
      const { store } = harness();
      const batch = newEvents(2);
      const first = uniqueStreamId();
      await store.appendToStream(first, batch);
      const before = await store.readStream(first);
      const other = uniqueStreamId();
      if (idsUniqueAcrossStreams) {
        expect(await expectRejection(store.appendToStream(other, batch))).toBeInstanceOf(IdempotencyConflictError);
        expect(await store.readStream(other)).toEqual([]);
      } else {
        await store.appendToStream(other, batch).catch(() => undefined);
      }
      expect(await store.readStream(first)).toEqual(before);
    });
  });
}

async function expectWrongRevision(append: Promise<unknown>, actual: number): Promise<void> {
  const error = await expectRejection(append);
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect((error as WrongExpectedRevisionError).actual).toBe(actual);
}
