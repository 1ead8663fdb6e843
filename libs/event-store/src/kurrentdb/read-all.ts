import { excludeSystemEvents, type KurrentDBClient, type Position } from '@kurrent/kurrentdb-client';
import type { ReadAllOptions, RecordedEvent } from '../event-store.port';
import { isAfter, readPositionFrom, toClientPosition } from './positions';
import { toRecordedEvent } from './recorded-event';
import { isSystemEvent } from './system-events';

type AllReader = Pick<KurrentDBClient, 'readAll'>;

const DEFAULT_BATCH = 1000;

/**
 * One batch of domain events strictly after `after`. The server filters `$` event types; events
 * of `$` streams with other types are dropped here, so a page can come back short while `$all`
 * goes on: keep paging until the batch is full or the server runs out (an empty batch tells the
 * caller it has caught up).
 */
export async function readAll(client: AllReader, { after = null, maxCount = DEFAULT_BATCH }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
  if (maxCount <= 0) return [];
  const batch: RecordedEvent[] = [];
  let cursor: Position | null = after === null ? null : toClientPosition(after);
  for (;;) {
    // A read from a position includes the event at that position, hence one more.
    const pageSize = maxCount - batch.length + 1;
    let received = 0;
    for await (const { event } of client.readAll({ fromPosition: readPositionFrom(cursor), maxCount: pageSize, filter: excludeSystemEvents() })) {
      received++;
      if (!event || !isAfter(event.position, cursor)) continue;
      cursor = event.position;
      if (!isSystemEvent(event.streamId, event.type)) batch.push(toRecordedEvent(event));
      if (batch.length === maxCount) return batch;
    }
    if (received < pageSize) return batch;
  }
}
