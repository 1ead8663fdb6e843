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
    sql: `CREATE FUNCTION es_append_to_stream(
  p_stream_id text, p_expected text, p_events jsonb,
  OUT outcome text, OUT revision bigint, OUT last_position bigint, OUT event_id uuid)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_ids uuid[] := ARRAY(SELECT (t.value->>'id')::uuid FROM jsonb_array_elements(p_events) AS t(value));
  v_count bigint := cardinality(v_ids);
  v_current bigint;
  v_reused boolean;
  v_found record;
BEGIN
  -- One appender at a time, held until commit: positions are assigned under the lock, so they
  -- become visible in the order they were assigned and a reader of "position > checkpoint"
  -- can never pass over an event that commits later. The key is per table (per schema).
  PERFORM pg_advisory_xact_lock(1702057843, 'es_events'::regclass::oid::int);

  -- Ids are looked up one by one through a LATERAL subquery that cannot be flattened: a cached
  -- generic plan of "id = ANY(array)" made while the table was small is a sequential scan, and
  -- PGlite never analyzes, so it would stay one as the table grows.
  SELECT EXISTS (SELECT 1 FROM unnest(v_ids) AS b(id)
                  CROSS JOIN LATERAL (SELECT 1 FROM es_events e WHERE e.id = b.id OFFSET 0) AS found),
         (SELECT coalesce(max(e.revision), -1) FROM es_events e WHERE e.stream_id = p_stream_id)
    INTO v_reused, v_current;
  IF v_reused THEN
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
      FROM unnest(v_ids) WITH ORDINALITY AS b(id, ord)
      CROSS JOIN LATERAL (SELECT * FROM es_events x WHERE x.id = b.id OFFSET 0) AS e;
    -- The same batch again answers the original result; any other reuse of ids is a conflict.
    IF v_found.matched = v_count AND v_found.same_stream AND v_found.consecutive AND v_found.one_transaction
       AND NOT EXISTS (SELECT 1 FROM es_events n
                        WHERE n.stream_id = p_stream_id
                          AND n.revision IN (v_found.first_revision - 1, v_found.last_revision + 1)
                          AND n.transaction_id::text = v_found.transaction_id) THEN
      outcome := 'duplicate';
      revision := v_found.last_revision;
      last_position := v_found.last_position;
    ELSE
      outcome := 'id_conflict';
      event_id := v_found.first_reused;
    END IF;
    RETURN;
  END IF;

  IF (p_expected = 'no-stream' AND v_current <> -1)
     OR (p_expected = 'stream-exists' AND v_current = -1)
     OR (p_expected NOT IN ('any', 'no-stream', 'stream-exists') AND v_current <> p_expected::bigint) THEN
    outcome := 'wrong_revision';
    revision := v_current;
    RETURN;
  END IF;

  INSERT INTO es_events (stream_id, revision, id, type, data, metadata)
  SELECT p_stream_id, v_current + t.ord, (t.value->>'id')::uuid, t.value->>'type', t.value->'data', t.value->'metadata'
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS t(value, ord)
   ORDER BY t.ord;
  outcome := 'appended';
  revision := v_current + v_count;
  -- Rows took positions in batch order, and currval is this session's last draw: the batch's last.
  last_position := currval(pg_get_serial_sequence('es_events', 'position'));
END;
$$;`,
  },
  {
    id: 'event-store-003-append-to-streams-function',
    sql: `CREATE FUNCTION es_append_to_streams(p_appends jsonb)
RETURNS TABLE (o_outcome text, o_revision bigint, o_last_position bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_append record;
  v_result record;
BEGIN
  -- Several streams in one statement (one round trip, atomic as any statement): each is
  -- es_append_to_stream, in order. An expectation or id that fails raises RF001 with what failed
  -- in its detail, which undoes the streams before it.
  FOR v_append IN SELECT t.value, t.ord FROM jsonb_array_elements(p_appends) WITH ORDINALITY AS t(value, ord) ORDER BY t.ord LOOP
    SELECT * INTO v_result FROM es_append_to_stream(v_append.value->>'streamId', v_append.value->>'expected', v_append.value->'events');
    IF v_result.outcome NOT IN ('appended', 'duplicate') THEN
      RAISE EXCEPTION 'append to stream % refused: %', v_append.ord, v_result.outcome
        USING ERRCODE = 'RF001',
              DETAIL = json_build_object('index', v_append.ord - 1, 'outcome', v_result.outcome,
                                         'revision', v_result.revision::text, 'event_id', v_result.event_id)::text;
    END IF;
    o_outcome := v_result.outcome;
    o_revision := v_result.revision;
    o_last_position := v_result.last_position;
    RETURN NEXT;
  END LOOP;
END;
$$;`,
  },
];
