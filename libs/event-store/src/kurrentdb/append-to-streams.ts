import { WrongExpectedVersionError, type AppendStreamRequest, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { AppendResult, StreamAppend } from '../event-store.port';
import { IdempotencyConflictError } from '../errors';
import { checkStreamAppends } from '../stream-appends';
import { locateBatchEnd } from './append';
import { findEarlierAppend } from './earlier-append';
import { toPortError } from './error-mapping';
import { toStreamState } from './expected-revision';
import { toMultiAppendEventData } from './recorded-event';

type MultiAppender = Pick<KurrentDBClient, 'multiStreamAppend' | 'readStream'>;

/**
 * One `multiStreamAppend` (KurrentDB 25.1+), which the server commits all or nothing. As with a
 * single append, `any`/`stream-exists` expectations cannot detect a retry, so such writes first
 * look for their ids; a write refused on its expectation looks for them too, since a retry of
 * an exact expectation is refused rather than answered.
 */
export async function appendToStreams(
  client: MultiAppender,
  appends: StreamAppend[],
  idempotencyWindow: number,
): Promise<AppendResult[]> {
  checkStreamAppends(appends);
  const loose = appends.some(({ expectedRevision = 'any' }) => expectedRevision === 'any' || expectedRevision === 'stream-exists');
  if (loose) {
    const earlier = await findEarlierWrite(client, appends, idempotencyWindow);
    if (earlier) return earlier;
  }
  let revisions: Map<string, bigint>;
  try {
    const { responses } = await client.multiStreamAppend(appends.map(toRequest));
    revisions = new Map(responses.map(({ streamName, revision }) => [streamName, revision]));
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
    const earlier = await findEarlierWrite(client, appends, idempotencyWindow);
    if (earlier) return earlier;
    const refused = appends.find((append) => append.streamId === error.streamName) ?? appends[0]!;
    throw toPortError(error, refused.streamId, refused.expectedRevision ?? 'any');
  }
  return Promise.all(
    appends.map(({ streamId, events }) => locateBatchEnd(client, streamId, events, Number(revisions.get(streamId) ?? -1))),
  );
}

function toRequest({ streamId, events, expectedRevision }: StreamAppend): AppendStreamRequest {
  return { streamName: streamId, events: events.map(toMultiAppendEventData), expectedState: toStreamState(expectedRevision ?? 'any') };
}

/** The original results when every batch is in its stream already; null when none is; else a conflict. */
async function findEarlierWrite(client: MultiAppender, appends: StreamAppend[], window: number): Promise<AppendResult[] | null> {
  const found = await Promise.all(appends.map(({ streamId, events }) => findEarlierAppend(client, streamId, events, window)));
  if (found.every((result) => result === null)) return null;
  const missing = found.findIndex((result) => result === null);
  if (missing !== -1) throw new IdempotencyConflictError(appends[missing]!.streamId, appends[missing]!.events[0]!.id);
  return found as AppendResult[];
}
