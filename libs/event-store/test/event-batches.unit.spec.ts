import { eventBatches, type EventBatch } from '../src/event-batches';

/** A source whose items arrive when the test pushes them; it waits when empty. */
function pushSource<T>() {
  const queue: T[] = [];
  let wake: (() => void) | null = null;
  let ended = false;
  let returned = false;
  const iterator: AsyncIterator<T> = {
    async next() {
      while (queue.length === 0 && !ended) await new Promise<void>((resolve) => (wake = resolve));
      return queue.length > 0 ? { value: queue.shift() as T, done: false } : { value: undefined, done: true };
    },
    async return() {
      returned = true;
      return { value: undefined, done: true };
    },
  };
  return {
    iterator,
    push: (...items: T[]) => {
      queue.push(...items);
      wake?.();
    },
    end: () => {
      ended = true;
      wake?.();
    },
    wasReturned: () => returned,
  };
}

async function take<T>(batches: AsyncGenerator<EventBatch<T>>, count: number): Promise<EventBatch<T>[]> {
  const taken: EventBatch<T>[] = [];
  while (taken.length < count) {
    const next = await batches.next();
    if (next.done) break;
    taken.push(next.value);
  }
  return taken;
}

describe('eventBatches', () => {
  it('fills batches up to the maximum from items at hand', async () => {
    const source = pushSource<number>();
    source.push(...Array.from({ length: 12 }, (_, i) => i));
    const batches = await take(eventBatches(source.iterator, 5), 3);
    expect(batches.map((b) => b.events)).toEqual([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [10, 11]]);
    expect(batches.map((b) => b.caughtUp)).toEqual([false, false, true]);
  });

  it('reports caught-up once with an empty batch when the source waits, then hands over each new item', async () => {
    const source = pushSource<string>();
    const batches = eventBatches(source.iterator, 100);
    expect((await batches.next()).value).toEqual({ events: [], caughtUp: true });
    const next = batches.next();
    source.push('a');
    expect((await next).value).toEqual({ events: ['a'], caughtUp: true });
    const after = batches.next();
    source.push('b', 'c');
    expect((await after).value).toEqual({ events: ['b', 'c'], caughtUp: true });
  });

  it('ends with the source and flushes what it holds', async () => {
    const source = pushSource<number>();
    source.push(1, 2);
    source.end();
    const all: EventBatch<number>[] = [];
    for await (const batch of eventBatches(source.iterator, 10)) all.push(batch);
    expect(all).toEqual([{ events: [1, 2], caughtUp: false }]);
  });

  it('returns the source when the consumer stops between items', async () => {
    const source = pushSource<number>();
    source.push(1, 2, 3);
    for await (const batch of eventBatches(source.iterator, 3)) {
      expect(batch.events).toEqual([1, 2, 3]);
      break;
    }
    expect(source.wasReturned()).toBe(true);
  });
});
