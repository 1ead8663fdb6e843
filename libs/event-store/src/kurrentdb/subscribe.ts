import { excludeSystemEvents, type KurrentDBClient, type Position } from '@kurrent/kurrentdb-client';
import type { RecordedEvent, SubscribeOptions } from '../event-store.port';
import { backoffDelay, sleep, type BackoffOptions } from '@referral/resilience';
import { isTransientError } from './error-mapping';
import { isAfter, readPositionFrom, toClientPosition } from './positions';
import { toRecordedEvent } from './recorded-event';
import { isSystemEvent } from './system-events';

type AllSubscriber = Pick<KurrentDBClient, 'subscribeToAll'>;

const DEFAULT_BATCH = 500;

/**
 * Domain events after `options.after`, one at a time, from a catch-up subscription to `$all`.
 * Pulling through the subscription's async iterator keeps order and back-pressure: the client
 * buffers at most `batchSize` events and pauses the gRPC stream until the consumer asks again.
 * When the subscription drops it is re-opened from the last event seen, after a doubling delay;
 * events at or before that one are skipped, so each is delivered once.
 */
export async function* subscribe(
  client: AllSubscriber,
  { after, signal, batchSize = DEFAULT_BATCH }: SubscribeOptions,
  backoff: BackoffOptions = { maxMs: 10_000 },
): AsyncGenerator<RecordedEvent> {
  let cursor: Position | null = after === null ? null : toClientPosition(after);
  let failures = 0;
  while (!signal?.aborted) {
    const subscription = client.subscribeToAll(
      { fromPosition: readPositionFrom(cursor), filter: excludeSystemEvents() },
      { highWaterMark: batchSize },
    );
    const events = subscription[Symbol.asyncIterator]();
    const abort = abortion(signal);
    try {
      for (;;) {
        // Raced with the signal so an abort ends the wait even if the stream is slow to close.
        const next = await Promise.race([handled(events.next()), abort.promise]);
        if (signal?.aborted) return;
        // The server ended the subscription on its own: resume as after a dropped connection.
        if (next.done) break;
        const { event } = next.value;
        if (!event || !isAfter(event.position, cursor)) continue;
        cursor = event.position;
        failures = 0;
        if (isSystemEvent(event.streamId, event.type)) continue;
        yield toRecordedEvent(event);
      }
    } catch (error) {
      if (signal?.aborted) return;
      if (!isTransientError(error)) throw error;
    } finally {
      abort.dispose();
      void subscription.unsubscribe().catch(() => undefined);
    }
    failures++;
    await sleep(backoffDelay(failures, backoff), signal);
  }
}

/** The iteration result is awaited through a race; keep a late rejection from going unhandled. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** A promise that settles as "done" when `signal` aborts. */
function abortion(signal: AbortSignal | undefined): {
  promise: Promise<IteratorReturnResult<undefined>>;
  dispose(): void;
} {
  let onAbort = () => undefined as void;
  const promise = new Promise<IteratorReturnResult<undefined>>((resolve) => {
    onAbort = () => resolve({ done: true, value: undefined });
    if (signal?.aborted) onAbort();
  });
  signal?.addEventListener('abort', onAbort, { once: true });
  return { promise, dispose: () => signal?.removeEventListener('abort', onAbort) };
}

