import type { EventStore, RecordedEvent } from '@referral/event-store';
import { ids, newEvent, newEvents, uniqueStreamId } from './contract-fixtures';
import type { HarnessAccess } from './index';

export function describeReadContract(harness: HarnessAccess): void {
  describe('reading', () => {
    it('reads a stream in revision order, from a revision, at most maxCount', async () => {
      const { store } = harness();
      const stream = uniqueStreamId();
      // More than ten events, so ordering revisions as text instead of numbers would show.
      const events = newEvents(12);
      await store.appendToStream(stream, events.slice(0, 2));
      await store.appendToStream(stream, events.slice(2));
      const all = await store.readStream(stream);
      expect(ids(all)).toEqual(ids(events));
      expect(all.map((e) => e.revision)).toEqual(events.map((_, index) => index));
      expect(all.every((e) => e.streamId === stream)).toBe(true);
      expect(ids(await store.readStream(stream, { fromRevision: 2 }))).toEqual(ids(events.slice(2)));
      expect(ids(await store.readStream(stream, { fromRevision: 9, maxCount: 2 }))).toEqual(ids(events.slice(9, 11)));
      expect(await store.readStream(stream, { fromRevision: 12 })).toEqual([]);
      expect(await store.readStream(uniqueStreamId())).toEqual([]);
    });

    it('orders events globally in append order, with strictly increasing positions', async () => {
      const { store } = harness();
      const [a, b] = [uniqueStreamId(), uniqueStreamId()];
      const appended = [];
      for (const stream of [a, b, a, b, a]) {
        const events = newEvents(2);
        const result = await store.appendToStream(stream, events);
        appended.push(...events);
        const [last] = await store.readStream(stream, { fromRevision: result.nextExpectedRevision });
        expect(last.position).toBe(result.position);
      }
      const global = await readAllFrom(store, (await store.readStream(a))[0]);
      global.slice(1).forEach((event, index) => expect(event.position > global[index].position).toBe(true));
      const ours = global.filter((e) => [a, b].includes(e.streamId));
      expect(ids(ours)).toEqual(ids(appended));
    });

    it('reads all from every position: each read begins with the next event', async () => {
      const { store } = harness();
      const [a, b] = [uniqueStreamId(), uniqueStreamId()];
      await store.appendToStream(a, newEvents(3));
      await store.appendToStream(b, newEvents(4));
      await store.appendToStream(a, newEvents(2));
      const [first] = await store.readStream(a);
      const global = await readAllFrom(store, first);
      const [head] = await store.readAll({ after: null, maxCount: 1 });
      expect(head.position <= first.position).toBe(true);
      for (let index = 0; index < global.length - 1; index++) {
        const page = await store.readAll({ after: global[index].position, maxCount: 2 });
        expect(ids(page)).toEqual(ids(global.slice(index + 1, index + 3)));
      }
      expect(global.filter((e) => e.streamId === a || e.streamId === b)).toHaveLength(9);
    });

    it('keeps a large event (1 MB) whole', async () => {
      const { store } = harness();
      const stream = uniqueStreamId();
      const blob = 'Ärende '.repeat(150_000);
      const event = newEvent('DocumentAttached', { blob, list: Array.from({ length: 1000 }, (_, i) => i) });
      await store.appendToStream(stream, [event]);
      const [read] = await store.readStream(stream);
      expect(read.data).toEqual(event.data);
    });

    it('keeps unicode text: Swedish, emoji, right-to-left', async () => {
      const { store } = harness();
      const stream = uniqueStreamId('ärende-åäö');
      const data = { name: 'Åsa Öberg, Näsbypark', note: '👩‍👧 stöd 🚓✨', rtl: 'مرحبا שלום', mixed: 'ÅÄÖ åäö é ß ø' };
      const event = { ...newEvent('NoteAdded', data), metadata: { schemaVersion: 1, actor: 'handläggare-ö' } };
      await store.appendToStream(stream, [event]);
      const [read] = await store.readStream(stream);
      expect(read.streamId).toBe(stream);
      expect(read.data).toEqual(data);
      expect(read.metadata).toEqual(event.metadata);
    });

    it('keeps metadata as given, unknown keys included, and records when', async () => {
      const { store } = harness();
      const stream = uniqueStreamId();
      const metadata = {
        schemaVersion: 3,
        correlationId: 'corr-1',
        causationId: 'cause-1',
        actor: 'user-42',
        traceparent: '00-abc-def-01',
        extra: { nested: [1, 'two', null, true] },
      };
      const event = { ...newEvent(), metadata };
      const before = Date.now();
      await store.appendToStream(stream, [event]);
      const [read] = await store.readStream(stream);
      expect(read.metadata).toEqual(metadata);
      expect(read.type).toBe(event.type);
      expect(read.id).toBe(event.id);
      expect(Math.abs(read.recordedAt.getTime() - before)).toBeLessThan(60_000);
    });
  });
}

/** The global order from `first` on, read in small pages until nothing comes. */
export async function readAllFrom(store: EventStore, first: RecordedEvent): Promise<RecordedEvent[]> {
  const events = [first];
  for (;;) {
    const page = await store.readAll({ after: events[events.length - 1].position, maxCount: 4 });
    if (page.length === 0) return events;
    events.push(...page);
  }
}
