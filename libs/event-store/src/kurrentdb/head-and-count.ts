import { BACKWARDS, END, excludeSystemEvents, type KurrentDBClient, type Position, type ReadPosition } from '@kurrent/kurrentdb-client';
import { isAfter, readPositionFrom, toClientPosition, toPortPosition } from './positions';
import { isSystemEvent } from './system-events';

type AllReader = Pick<KurrentDBClient, 'readAll'>;

/** Events asked for per page while walking past KurrentDB's own records. */
const PAGE = 100;

/**
 * The last domain event's position: `$all` read backwards from the end, one event when the last
 * record is ours. The server leaves out `$` event types; records of `$` streams with other types
 * are passed over here, a page at a time, so the answer is the last event `readAll` would hand out.
 */
export async function headPosition(client: AllReader): Promise<bigint | null> {
  let cursor: Position | null = null;
  let pageSize = 1;
  for (;;) {
    let received = 0;
    const fromPosition: ReadPosition = cursor ?? END;
    for await (const { event } of client.readAll({ direction: BACKWARDS, fromPosition, maxCount: pageSize, filter: excludeSystemEvents() })) {
      received++;
      // Whether a backward read includes the record at its start is not promised: skip it.
      if (!event || (cursor !== null && !isAfter(cursor, event.position))) continue;
      cursor = event.position;
      if (!isSystemEvent(event.streamId, event.type)) return toPortPosition(event.position);
    }
    if (received < pageSize) return null;
    pageSize = PAGE;
  }
}

/**
 * Domain events after `after`, at most `limit`, counted while streaming `$all` forwards (KurrentDB
 * has no count: positions are byte offsets in its log, so `head - after` says nothing about events).
 * Nothing is kept, so a large `limit` costs reading time, not memory.
 */
export async function countAfter(client: AllReader, after: bigint | null, limit: number): Promise<number> {
  if (limit <= 0) return 0;
  let counted = 0;
  let cursor: Position | null = after === null ? null : toClientPosition(after);
  for (;;) {
    // A read from a position includes the event at that position, hence one more.
    const pageSize = Math.min(limit - counted, 1000) + 1;
    let received = 0;
    for await (const { event } of client.readAll({ fromPosition: readPositionFrom(cursor), maxCount: pageSize, filter: excludeSystemEvents() })) {
      received++;
      if (!event || !isAfter(event.position, cursor)) continue;
      cursor = event.position;
      if (!isSystemEvent(event.streamId, event.type)) counted++;
      if (counted === limit) return counted;
    }
    if (received < pageSize) return counted;
  }
}
