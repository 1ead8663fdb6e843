export interface EventBatch<T> {
  events: T[];
  /** The next event was not at hand when the batch closed: the reader has caught up. */
  caughtUp: boolean;
}

const NOT_READY = Symbol('not ready');

/** Settles after the pending I/O callbacks of this turn: a source that must wait loses the race. */
function afterPendingIo(): Promise<typeof NOT_READY> {
  return new Promise((resolve) => setImmediate(() => resolve(NOT_READY)));
}

/**
 * Groups an iterator's items into batches of up to `maxSize`, closing a batch early when the
 * next item is not already available, so a catching-up reader gets big batches and a live one
 * gets each item without delay. Yields one empty `caughtUp` batch when the source starts waiting
 * with nothing in hand. Never calls `next()` twice without waiting for the first.
 */
export async function* eventBatches<T>(source: AsyncIterator<T>, maxSize: number): AsyncGenerator<EventBatch<T>> {
  let pending: Promise<IteratorResult<T>> | null = null;
  let waitingReported = false;
  try {
    for (;;) {
      const head: Promise<IteratorResult<T>> = pending ?? source.next();
      pending = null;
      let first = await Promise.race([head, afterPendingIo()]);
      if (first === NOT_READY) {
        if (!waitingReported) yield { events: [], caughtUp: true };
        waitingReported = true;
        first = await head;
      }
      if (first.done) return;
      const events = [first.value];
      let ended = false;
      while (events.length < maxSize && !pending && !ended) {
        const next = source.next();
        const result = await Promise.race([next, afterPendingIo()]);
        if (result === NOT_READY) pending = next;
        else if (result.done) ended = true;
        else events.push(result.value);
      }
      waitingReported = pending !== null;
      yield { events, caughtUp: pending !== null };
      if (ended) return;
    }
  } finally {
    // With a next() in flight the source ends through its abort signal instead.
    if (!pending) await source.return?.();
  }
}
