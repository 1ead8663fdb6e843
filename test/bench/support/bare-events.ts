import type { NewEvent } from '@referral/event-store';
import type { SqlClient } from '@referral/sql';

/**
 * The bare reference for appends: a plain table with the event store's columns and only a
 * primary key, written with one INSERT per call, so a ratio against it is what the store's checks
 * (revision, idempotency, ordering lock) and everything above them cost.
 */
export const BARE_TABLE = `CREATE TABLE bare_events (
  position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, stream_id text NOT NULL, revision bigint NOT NULL,
  id uuid NOT NULL, type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now())`;
export const BARE_COLUMNS = 'stream_id, revision, id, type, data, metadata';

export function bareInsert(client: SqlClient, stream: string, revision: number, events: NewEvent[]) {
  const values = events.map((_, i) => `($${i * 6 + 1}, $${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}, $${i * 6 + 6})`);
  const params = events.flatMap((e, i) => [stream, revision + i, e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)]);
  return client.query(`INSERT INTO bare_events (${BARE_COLUMNS}) VALUES ${values.join(', ')}`, params);
}
