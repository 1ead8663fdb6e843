import type { EventStore, RecordedEvent, SubscribeOptions } from '@referral/event-store';

export interface PausingStore {
  store: EventStore;
  /** Resolves when a subscription has delivered `pauseAfter` events and holds the next one. */
  paused: Promise<void>;
  release(): void;
}

/** The real store whose subscriptions stop after `pauseAfter` events until released (or aborted). */
export function pausingStore(inner: EventStore, pauseAfter: number): PausingStore {
  let release!: () => void;
  let reached!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const paused = new Promise<void>((resolve) => (reached = resolve));
  async function* subscribe(options: SubscribeOptions): AsyncGenerator<RecordedEvent> {
    const aborted = new Promise<void>((resolve) => options.signal?.addEventListener('abort', () => resolve(), { once: true }));
    let delivered = 0;
    for await (const event of inner.subscribe(options)) {
      if (delivered === pauseAfter) {
        reached();
        await Promise.race([released, aborted]);
        if (options.signal?.aborted) return;
      }
      delivered += 1;
      yield event;
    }
  }
  const store: EventStore = {
    appendToStream: (...args) => inner.appendToStream(...args),
    appendToStreams: (appends) => inner.appendToStreams(appends),
    readStream: (...args) => inner.readStream(...args),
    readAll: (...args) => inner.readAll(...args),
    subscribe,
    headPosition: () => inner.headPosition(),
    countAfter: (after, limit) => inner.countAfter(after, limit),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
  return { store, paused, release };
}
