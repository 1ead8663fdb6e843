import type { ReadAllOptions, RecordedEvent } from '../event-store.port';
import { backoffDelay, sleep } from '@referral/resilience';
import type { AppendSignal } from './append-signal';

export interface SubscriptionTiming {
  /** First wait when caught up; doubles while nothing comes, up to `pollMaxMs`. @defaultValue 10 */
  pollMinMs: number;
  /** @defaultValue 250 */
  pollMaxMs: number;
  /** First wait after a failed read; doubles per failure, up to `retryMaxMs`. @defaultValue 100 */
  retryInitialMs: number;
  /** @defaultValue 5000 */
  retryMaxMs: number;
  /** Hears every failed read before the retry (for logs and tests). */
  onReadError?: (error: unknown, attempt: number, retryInMs: number) => void;
}

export const defaultSubscriptionTiming: SubscriptionTiming = {
  pollMinMs: 10,
  pollMaxMs: 250,
  retryInitialMs: 100,
  retryMaxMs: 5000,
};

export interface SubscriptionSource {
  /** `generation` is the append signal's marker taken before the read (see `sharedReads`). */
  readAll(options: ReadAllOptions, generation: number): Promise<RecordedEvent[]>;
  appended: AppendSignal;
  timing: SubscriptionTiming;
}

/**
 * Reads a batch when the consumer has taken every event of the previous one, except that after a
 * full batch (the store holds more) the next read starts as the batch is handed on: a consumer
 * catching up (a rebuild) applies one batch while the next is read, and holds at most two; after
 * a short batch it reads again on the next append (or poll), as after an empty one. The
 * checkpoint moves only past delivered events, so a retry after a failed read neither skips nor
 * repeats.
 */
export async function* subscription(
  source: SubscriptionSource,
  after: bigint | null,
  batchSize: number,
  signal: AbortSignal,
): AsyncGenerator<RecordedEvent> {
  const { timing } = source;
  let checkpoint = after;
  let pollMs = timing.pollMinMs;
  let failures = 0;
  let ahead: { generation: number; read: Promise<RecordedEvent[]> } | null = null;
  while (!signal.aborted) {
    const generation = ahead?.generation ?? source.appended.current;
    let batch: RecordedEvent[];
    try {
      batch = await (ahead?.read ?? source.readAll({ after: checkpoint, maxCount: batchSize }, generation));
      failures = 0;
    } catch (error) {
      if (signal.aborted) return;
      failures++;
      const retryInMs = backoffDelay(failures, { initialMs: timing.retryInitialMs, maxMs: timing.retryMaxMs });
      timing.onReadError?.(error, failures, retryInMs);
      await sleep(retryInMs, signal);
      continue;
    } finally {
      ahead = null;
    }
    if (batch.length === 0) {
      await source.appended.wait(generation, pollMs, signal);
      pollMs = Math.min(pollMs * 2, timing.pollMaxMs);
      continue;
    }
    pollMs = timing.pollMinMs;
    if (batch.length >= batchSize) {
      const next = source.appended.current;
      const read = source.readAll({ after: batch[batch.length - 1]!.position, maxCount: batchSize }, next);
      read.catch(() => undefined); // its failure is met (and retried) when it is awaited, or never if the consumer stops
      ahead = { generation: next, read };
    }
    for (const event of batch) {
      if (signal.aborted) return;
      checkpoint = event.position;
      yield event;
    }
    // A short batch was all the store had when it was read: as after an empty read, the next read
    // waits for an append since (at once if one came meanwhile) or the poll, instead of finding nothing.
    if (batch.length < batchSize) await source.appended.wait(generation, pollMs, signal);
  }
}

/**
 * Subscribers that are caught up all wake on the same append and ask for the same events: one
 * read serves them all. A read is shared only by callers that took the same append marker, so
 * it began after every append they were woken for, and a caller never gets an older answer than
 * a read of its own would have given it at its marker (a later append wakes it again).
 */
export function sharedReads(read: (options: ReadAllOptions) => Promise<RecordedEvent[]>) {
  const inFlight = new Map<string, Promise<RecordedEvent[]>>();
  return (options: ReadAllOptions, generation: number): Promise<RecordedEvent[]> => {
    const key = `${generation}:${options.after ?? ''}:${options.maxCount ?? ''}`;
    let shared = inFlight.get(key);
    if (!shared) {
      shared = read(options).finally(() => inFlight.delete(key));
      inFlight.set(key, shared);
    }
    return shared;
  };
}
