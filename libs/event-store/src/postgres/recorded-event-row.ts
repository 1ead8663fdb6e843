import { toBigInt } from '@referral/sql';
import type { EventMetadata, RecordedEvent } from '../event-store.port';

/**
 * Int8 columns come back as text so no driver can round them through a float. Queries must
 * order by `e.position`, not `position`, which would name the text output column.
 */
export const EVENT_COLUMNS =
  'e.position::text AS position, e.stream_id, e.revision::text AS revision, e.id, e.type, e.data, e.metadata, e.recorded_at';

export interface RecordedEventRow {
  position: string;
  stream_id: string;
  revision: string;
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recorded_at: Date;
}

export function toRecordedEvent(row: RecordedEventRow): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    streamId: row.stream_id,
    revision: Number(row.revision),
    position: toBigInt(row.position),
    recordedAt: row.recorded_at instanceof Date ? row.recorded_at : new Date(row.recorded_at),
  };
}
