import type { KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { AppendOptions, AppendResult, ExpectedRevision, NewEvent } from '../event-store.port';
import { IdempotencyConflictError } from '../errors';
import { findEarlierAppend } from './earlier-append';
import { toPortError } from './error-mapping';
import { toStreamState } from './expected-revision';
import { readStream } from './read-stream';
import { toEventData } from './recorded-event';

type Appender = Pick<KurrentDBClient, 'appendToStream' | 'readStream'>;

/**
 * Appends with the events' own ids as KurrentDB event ids, so the server's idempotency applies:
 * with an exact or no-stream expectation it compares the ids at the expected place in the stream,
 * durably. With `any`/`stream-exists` it only remembers recent ids in memory, so those appends
 * first look for the ids in the stream's last `idempotencyWindow` events.
 */
export async function appendToStream(
  client: Appender,
  streamId: string,
  events: NewEvent[],
  options: AppendOptions,
  idempotencyWindow: number,
): Promise<AppendResult> {
  if (events.length === 0) throw new RangeError('appendToStream needs at least one event');
  const expected: ExpectedRevision = options.expectedRevision ?? 'any';
  if (expected === 'any' || expected === 'stream-exists') {
    const earlier = await findEarlierAppend(client, streamId, events, idempotencyWindow);
    if (earlier) return earlier;
  }
  let nextExpectedRevision: bigint;
  try {
    ({ nextExpectedRevision } = await client.appendToStream(streamId, events.map(toEventData), {
      streamState: toStreamState(expected),
    }));
  } catch (error) {
    throw toPortError(error, streamId, expected);
  }
  return locateBatchEnd(client, streamId, events, Number(nextExpectedRevision));
}

/**
 * The append answers only the stream revision; the global position of the batch's last event is
 * read back from the stream, which also gives the original position after an idempotent retry
 * (where the server reports no position of its own).
 */
export async function locateBatchEnd(
  client: Pick<KurrentDBClient, 'readStream'>,
  streamId: string,
  events: NewEvent[],
  revision: number,
): Promise<AppendResult> {
  const lastId = events[events.length - 1]!.id;
  const [last] = await readStream(client, streamId, { fromRevision: revision, maxCount: 1 });
  // The server reported success at a revision holding another event: it matched some, not all, ids.
  if (!last || last.id !== lastId) throw new IdempotencyConflictError(streamId, lastId);
  return { nextExpectedRevision: last.revision, position: last.position };
}
