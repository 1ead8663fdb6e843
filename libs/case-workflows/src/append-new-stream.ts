import { WrongExpectedRevisionError, type EventStore, type NewEvent } from '@referral/event-store';

/**
 * Appends the first events of a stream. When the stream exists already (a retried request or a
 * racing delivery wrote it, with the same deterministic ids), answers where it ends instead.
 */
export async function appendNewStream(store: EventStore, streamId: string, events: NewEvent[]): Promise<bigint> {
  try {
    return (await store.appendToStream(streamId, events, { expectedRevision: 'no-stream' })).position;
  } catch (error) {
    if (!(error instanceof WrongExpectedRevisionError)) throw error;
    const written = await store.readStream(streamId);
    return written[written.length - 1].position;
  }
}
