import type { EventStore, RecordedEvent } from '@referral/event-store';
import { ids, inStreams, newEvent, newEvents, takeFromSubscription, uniqueStreamId } from './contract-fixtures';
import type { HarnessAccess } from './index';

export function describeSubscribeContract(harness: HarnessAccess): void {
  describe('subscribing', () => {
    it('delivers every event from the start, in global order', async () => {
      const { store } = harness();
      const [a, b] = [uniqueStreamId(), uniqueStreamId()];
      const appended = [...(await appendTo(store, a, 3)), ...(await appendTo(store, b, 2)), ...(await appendTo(store, a, 2))];
      const { events } = await takeFromSubscription(store, null, inStreams(a, b), appended.length);
      expect(ids(events)).toEqual(ids(appended));
      expectIncreasingPositions(events);
    });

    it('delivers only what comes after a checkpoint in the middle', async () => {
      const { store } = harness();
      const stream = uniqueStreamId();
      const appended = await appendTo(store, stream, 6);
      const [checkpoint] = await store.readStream(stream, { fromRevision: 2, maxCount: 1 });
      const { events } = await takeFromSubscription(store, checkpoint.position, inStreams(stream), 3);
      expect(ids(events)).toEqual(ids(appended.slice(3)));
    });

    it('delivers events appended while it waits', async () => {
      const { store } = harness();
      const stream = uniqueStreamId();
      const [marker] = await appendTo(store, stream, 1);
      const live = newEvents(3);
      const controller = new AbortController();
      const timeout = setTimeout(() => controller.abort(), 10_000);
      const seen: RecordedEvent[] = [];
      let appending: Promise<unknown> = Promise.resolve();
      for await (const event of store.subscribe({ after: null, signal: controller.signal })) {
        if (event.streamId !== stream) continue;
        seen.push(event);
        // Caught up to the marker: everything after it arrives while the subscription is live.
        if (event.id === marker.id) appending = appendOneByOne(store, stream, live);
        if (seen.length === 1 + live.length) break;
      }
      clearTimeout(timeout);
      await appending;
      expect(ids(seen)).toEqual(ids([marker, ...live]));
    });

    it('resumes from the last delivered position with no gap and no duplicate', async () => {
      const { store } = harness();
      const stream = uniqueStreamId();
      const early = await appendTo(store, stream, 5);
      const first = await takeFromSubscription(store, null, inStreams(stream), 3);
      const late = await appendTo(store, stream, 3);
      const second = await takeFromSubscription(store, first.lastDelivered, inStreams(stream), 5);
      expect(ids([...first.events, ...second.events])).toEqual(ids([...early, ...late]));
    });

    it('ends when aborted while waiting for new events', async () => {
      const { store } = harness();
      const stream = uniqueStreamId();
      const [marker] = await appendTo(store, stream, 1);
      const controller = new AbortController();
      let delivered = 0;
      for await (const event of store.subscribe({ after: null, signal: controller.signal })) {
        delivered++;
        // Abort from outside the loop, while the subscription is reading or waiting for more.
        if (event.id === marker.id) setImmediate(() => controller.abort());
      }
      expect(delivered).toBeGreaterThan(0);
      expect(controller.signal.aborted).toBe(true);
    });
  });
}

async function appendTo(store: EventStore, stream: string, count: number) {
  const events = newEvents(count);
  await store.appendToStream(stream, events);
  return events;
}

async function appendOneByOne(store: EventStore, stream: string, events: ReturnType<typeof newEvent>[]) {
  for (const event of events) await store.appendToStream(stream, [event]);
}

function expectIncreasingPositions(events: RecordedEvent[]): void {
  events.slice(1).forEach((event, index) => expect(event.position > events[index].position).toBe(true));
}
