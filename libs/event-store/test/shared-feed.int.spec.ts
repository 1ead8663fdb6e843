import { randomUUID } from 'node:crypto';
import {
  EventStoreDecorator,
  PostgresEventStore,
  SharedFeedEventStore,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from '@referral/event-store';
import { freshPglite, type TestDatabase } from '../../../test/support/databases';
import { eventually } from '../../../test/support/eventually';

/** A real store that counts what is read from it. */
class CountingStore extends EventStoreDecorator {
  subscriptions = 0;
  /** Events handed out by readAll, all reads together: each event once means it was read once. */
  eventsRead = 0;
  override subscribe(options: SubscribeOptions): AsyncIterable<RecordedEvent> {
    this.subscriptions++;
    return this.inner.subscribe(options);
  }
  override async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    const events = await this.inner.readAll(options);
    this.eventsRead += events.length;
    return events;
  }
}

interface Reader {
  seen: RecordedEvent[];
  /** Ends with the error that ended the reader, if one did. */
  done: Promise<unknown>;
}

interface ReadOptions {
  after?: bigint | null;
  /** Throws after this many events. */
  failAfter?: number;
  /** After this many events, waits for `until` before taking the next. */
  hold?: { after: number; until: Promise<void> };
}

function read(store: EventStore, signal: AbortSignal, options: ReadOptions = {}): Reader {
  const reader: Reader = { seen: [], done: Promise.resolve() };
  reader.done = (async () => {
    for await (const event of store.subscribe({ after: options.after ?? null, signal, batchSize: 10 })) {
      reader.seen.push(event);
      if (reader.seen.length === options.failAfter) throw new Error('this reader fails');
      if (reader.seen.length === options.hold?.after) await options.hold.until;
    }
  })().catch((error: unknown) => error);
  return reader;
}

function gate(): { until: Promise<void>; open: () => void } {
  let open!: () => void;
  const until = new Promise<void>((resolve) => (open = resolve));
  return { until, open };
}

function events(count: number): NewEvent[] {
  return Array.from({ length: count }, () => ({ id: randomUUID(), type: 'Noted', data: {}, metadata: { schemaVersion: 1 } }));
}

const ids = (list: readonly { id: string }[]) => list.map((e) => e.id);

describe('a shared feed: one subscription for every reader of a process', () => {
  let db: TestDatabase;
  let counting: CountingStore;
  let store: SharedFeedEventStore;
  let stop: AbortController;
  beforeEach(async () => {
    db = await freshPglite();
    counting = new CountingStore(await PostgresEventStore.create(db.client, { subscriptionTiming: { pollMinMs: 2, pollMaxMs: 20 } }));
    store = new SharedFeedEventStore(counting, { windowSize: 8, batchSize: 5 });
    stop = new AbortController();
  });
  afterEach(async () => {
    stop.abort();
    await store.close();
    await db.dispose();
  });

  it('given readers that keep up, when batches are appended, then all get them from one subscription and none reads on its own', async () => {
    const readers = Array.from({ length: 5 }, () => read(store, stop.signal));
    const appended: NewEvent[] = [];
    for (let batch = 0; batch < 6; batch++) {
      const next = events(3);
      appended.push(...next);
      await store.appendToStream('noted-1', next);
      await eventually(() => readers.every((r) => r.seen.length === appended.length), { what: () => 'every reader has the batch' });
    }
    for (const reader of readers) expect(ids(reader.seen)).toEqual(ids(appended));
    expect(counting.eventsRead).toBe(appended.length);
    expect(counting.subscriptions).toBe(0);
  });

  it('given a slow reader, when it falls behind the window, then the others are not held back and it catches up on its own, missing nothing', async () => {
    const held = gate();
    const fast = read(store, stop.signal);
    const slow = read(store, stop.signal, { hold: { after: 1, until: held.until } });
    const first = events(1);
    await store.appendToStream('noted-1', first);
    await eventually(() => slow.seen.length === 1 && fast.seen.length === 1, { what: () => 'both have the first event' });

    const later = events(30);
    for (let i = 0; i < later.length; i += 6) await store.appendToStream('noted-2', later.slice(i, i + 6));
    await eventually(() => fast.seen.length === 31, { what: () => `the fast reader has all 31 (it has ${fast.seen.length})` });
    expect(slow.seen).toHaveLength(1);

    held.open();
    await eventually(() => slow.seen.length === 31, { what: () => `the slow reader has all 31 (it has ${slow.seen.length})` });
    expect(ids(slow.seen)).toEqual(ids([...first, ...later]));
    expect(ids(fast.seen)).toEqual(ids([...first, ...later]));
    expect(counting.eventsRead).toBeGreaterThan(31); // 30 events past an 8-event window: it read the store itself
  });

  it('given a reader that fails, when it starts again from its checkpoint, then it gets the rest once and the others never waited for it', async () => {
    const steady = read(store, stop.signal);
    const failing = read(store, stop.signal, { failAfter: 3 });
    const all = events(12);
    for (let i = 0; i < all.length; i += 4) await store.appendToStream('noted-1', all.slice(i, i + 4));
    await eventually(() => steady.seen.length === 12, { what: () => 'the steady reader has all 12' });
    await expect(failing.done).resolves.toThrow('this reader fails');

    const again = read(store, stop.signal, { after: failing.seen[2]!.position });
    await eventually(() => again.seen.length === 9, { what: () => `the restarted reader has the other 9 (it has ${again.seen.length})` });
    expect(ids([...failing.seen, ...again.seen])).toEqual(ids(all));
  });

  it('given a store with history, when readers subscribe from the start and from the head, then the window starts at the head and the reader from the start reads the history on its own', async () => {
    const early = events(20);
    await store.appendToStream('noted-1', early);
    const head = await store.headPosition();
    const atHead = read(store, stop.signal, { after: head });
    const fromStart = read(store, stop.signal);
    await eventually(() => fromStart.seen.length === 20, { what: () => `the reader from the start has the history (it has ${fromStart.seen.length})` });

    const late = events(4);
    await store.appendToStream('noted-2', late);
    await eventually(() => atHead.seen.length === 4 && fromStart.seen.length === 24, { what: () => 'both readers have the new events' });
    expect(ids(atHead.seen)).toEqual(ids(late));
    expect(ids(fromStart.seen)).toEqual(ids([...early, ...late]));
    expect(counting.eventsRead).toBe(24); // the history once, by the reader from the start; the rest once, for both
  });

  it('given every reader stopped, when one subscribes again, then the one subscription starts again from the head', async () => {
    const first = new AbortController();
    const before = read(store, first.signal);
    await store.appendToStream('noted-1', events(3));
    await eventually(() => before.seen.length === 3, { what: () => 'the first reader has 3' });
    first.abort();
    await before.done;
    await store.appendToStream('noted-1', events(2));
    const after = read(store, stop.signal, { after: before.seen[2]!.position });
    await eventually(() => after.seen.length === 2, { what: () => `the later reader has the 2 appended meanwhile (it has ${after.seen.length})` });
  });

  it('given readers at the end of the last read, when asked whether anything follows, then the feed knows without a read until this process appends', async () => {
    const reader = read(store, stop.signal);
    const appended = await store.appendToStream('noted-1', events(3));
    await eventually(() => reader.seen.length === 3 && store.knownAfter(appended.position) === 'nothing', { what: () => 'the feed has read to its end' });
    expect(store.knownAfter(reader.seen[1]!.position)).toBe('events');
    expect(store.knownAfter(null)).toBe('events');

    const later = await store.appendToStream('noted-1', events(1));
    expect(store.knownAfter(appended.position)).toBe('events'); // this process appended after it
    await eventually(() => store.knownAfter(later.position) === 'nothing', { what: () => 'the feed has read the new event' });
    expect(store.knownAfter(appended.position)).toBe('events');
  });
});
