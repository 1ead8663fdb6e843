import type { RecordedEvent } from '@referral/event-store';
import type { Position } from './positions';

/** At most this many correlation ids on a batch's log line; the rest are only counted. */
export const MAX_LOGGED_CORRELATION_IDS = 20;
/** What a correlation id looks like (the API's `X-Request-Id` shape, or a UUID); others are left out. */
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The fields of a batch's debug line: the projection, the positions after which it started and at
 * which it ended, how many events, and the distinct correlation ids of its events (`metadata.
 * correlationId`) in store order, capped, with how many more there were. Ids only: no event data.
 */
export function batchLogFields(
  projection: string,
  generation: number,
  after: Position,
  events: readonly RecordedEvent[],
): Record<string, unknown> {
  const ids = new Set<string>();
  for (const event of events) {
    const id = event.metadata.correlationId;
    if (typeof id === 'string' && CORRELATION_ID.test(id)) ids.add(id);
  }
  const correlationIds = [...ids];
  return {
    projection,
    generation,
    after: after === null ? null : String(after),
    position: String(events[events.length - 1]!.position),
    events: events.length,
    correlationIds: correlationIds.slice(0, MAX_LOGGED_CORRELATION_IDS),
    moreCorrelationIds: Math.max(0, correlationIds.length - MAX_LOGGED_CORRELATION_IDS),
  };
}
