import { StreamNotFoundError, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { ReadStreamOptions, RecordedEvent } from '../event-store.port';
import { toRecordedEvent } from './recorded-event';

type StreamReader = Pick<KurrentDBClient, 'readStream'>;

export async function readStream(
  client: StreamReader,
  streamId: string,
  { fromRevision = 0, maxCount }: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  if (maxCount === 0) return [];
  return collect(client.readStream(streamId, { fromRevision: BigInt(fromRevision), maxCount }));
}

async function collect(events: ReturnType<StreamReader['readStream']>): Promise<RecordedEvent[]> {
  const recorded: RecordedEvent[] = [];
  try {
    for await (const resolved of events) {
      if (resolved.event) recorded.push(toRecordedEvent(resolved.event));
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return recorded;
}
