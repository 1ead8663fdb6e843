import type { Migration } from '@referral/sql';

/**
 * The event store's tables and its append function. Every append is one call of
 * `es_append_to_stream`, so it costs one round trip and can also run inside a caller's own
 * transaction (the no-skipped-events test does that to delay commits).
 */
export const eventStoreMigrations: readonly Migration[] = [
  {
    id: 'event-store-001-events',
    sql: `CREATE TABLE es_events (
  position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  stream_id text NOT NULL,
  revision bigint NOT NULL,
  id uuid NOT NULL UNIQUE,
  type text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  UNIQUE (stream_id, revision)
);`,
  },
  {
    id: 'event-store-002-append-function',
    sql: `CREATE FUNCTION es_append_to_stream(p_stream_id text, p_expected text, p_events jsonb)
RETURNS TABLE (outcome text, revision bigint, last_position bigint, event_id uuid)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_count bigint := jsonb_array_length(p_events);
  v_current bigint;
  v_last_position bigint;
  v_found record;
BEGIN
  -- One appender at a time, held until commit: positions are assigned under the lock, so they
  -- become visible in the order they were assigned and a reader of "position > checkpoint"
  -- can never pass over an event that commits later. The key is per table (per schema).
  PERFORM pg_advisory_xact_lock(1702057843, 'es_events'::regclass::oid::int);

  SELECT count(*) AS matched,
         bool_and(e.stream_id = p_stream_id) AS same_stream,
         min(e.revision - b.ord) = max(e.revision - b.ord) AS consecutive,
         count(DISTINCT e.transaction_id) = 1 AS one_transaction,
         min(e.revision) AS first_revision,
         max(e.revision) AS last_revision,
         max(e.position) AS last_position,
         min(e.transaction_id::text) AS transaction_id,
         (array_agg(b.id ORDER BY b.ord))[1] AS first_reused
    INTO v_found
    FROM (SELECT (value->>'id')::uuid AS id, ord
            FROM jsonb_array_elements(p_events) WITH ORDINALITY AS t(value, ord)) b
    JOIN es_events e ON e.id = b.id;

  IF v_found.matched > 0 THEN
    -- A re-append of the same batch answers the original result; anything else reusing ids is a conflict.
    IF v_found.matched = v_count AND v_found.same_stream AND v_found.consecutive AND v_found.one_transaction
       AND NOT EXISTS (SELECT 1 FROM es_events n
                        WHERE n.stream_id = p_stream_id
                          AND n.revision IN (v_found.first_revision - 1, v_found.last_revision + 1)
                          AND n.transaction_id::text = v_found.transaction_id) THEN
      RETURN QUERY SELECT 'duplicate'::text, v_found.last_revision, v_found.last_position, NULL::uuid;
    ELSE
      RETURN QUERY SELECT 'id_conflict'::text, NULL::bigint, NULL::bigint, v_found.first_reused;
    END IF;
    RETURN;
  END IF;

  SELECT coalesce(max(e.revision), -1) INTO v_current FROM es_events e WHERE e.stream_id = p_stream_id;
  IF (p_expected = 'no-stream' AND v_current <> -1)
     OR (p_expected = 'stream-exists' AND v_current = -1)
     OR (p_expected NOT IN ('any', 'no-stream', 'stream-exists') AND v_current <> p_expected::bigint) THEN
    RETURN QUERY SELECT 'wrong_revision'::text, v_current, NULL::bigint, NULL::uuid;
    RETURN;
  END IF;

  WITH inserted AS (
    INSERT INTO es_events (stream_id, revision, id, type, data, metadata)
    SELECT p_stream_id, v_current + t.ord, (t.value->>'id')::uuid, t.value->>'type', t.value->'data', t.value->'metadata'
      FROM jsonb_array_elements(p_events) WITH ORDINALITY AS t(value, ord)
     ORDER BY t.ord
    RETURNING es_events.position
  )
  SELECT max(inserted.position) INTO v_last_position FROM inserted;

  RETURN QUERY SELECT 'appended'::text, v_current + v_count, v_last_position, NULL::uuid;
END;
$$;`,
  },
];
