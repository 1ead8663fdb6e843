import { BACKWARDS, END, StreamNotFoundError, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { AppendResult, NewEvent } from '../event-store.port';
import { IdempotencyConflictError } from '../errors';
import { toPortPosition } from './positions';

type StreamReader = Pick<KurrentDBClient, 'readStream'>;

interface Footprint {
  id: string;
  revision: number;
  position: bigint;
}

/**
 * Looks for the batch's ids among the stream's last `window` events. KurrentDB checks ids
 * durably only for exact expectations; under `any` it remembers recent ids in memory, which a
 * restart forgets. So before such an append: the whole batch found in order answers the
 * original result; any of its ids found otherwise is a conflict; none found means append.
 */
export async function findEarlierAppend(
  client: StreamReader,
  streamId: string,
  events: NewEvent[],
  window: number,
): Promise<AppendResult | null> {
  const batchIds = new Set(events.map((event) => event.id));
  const tail = await readFootprints(client, streamId, window);
  const start = tail.findIndex((event) => batchIds.has(event.id));
  if (start === -1) return null;
  const found = tail.slice(start, start + events.length);
  const sameBatch = found.length === events.length && found.every((event, i) => event.id === events[i]!.id);
  if (!sameBatch) throw new IdempotencyConflictError(streamId, tail[start]!.id);
  const last = found[found.length - 1]!;
  return { nextExpectedRevision: last.revision, position: last.position };
}

/** The stream's last `count` events, oldest first, without their data. */
async function readFootprints(client: StreamReader, streamId: string, count: number): Promise<Footprint[]> {
  const newestFirst: Footprint[] = [];
  try {
    for await (const { event } of client.readStream(streamId, { fromRevision: END, direction: BACKWARDS, maxCount: count })) {
      if (!event?.position) continue;
      newestFirst.push({ id: event.id, revision: Number(event.revision), position: toPortPosition(event.position) });
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return newestFirst.reverse();
}
