import { toBigInt, type SqlExecutor } from '@referral/sql';
import { IdempotencyConflictError, WrongExpectedRevisionError } from '../errors';
import type { AppendResult, ExpectedRevision, NewEvent, StreamAppend } from '../event-store.port';

/** The one statement of an append; `$1` stream id, `$2` expected revision, `$3` the events as JSON. */
export const APPEND_SQL =
  'SELECT outcome, revision::text AS revision, last_position::text AS last_position, event_id ' +
  'FROM es_append_to_stream($1, $2, $3::jsonb)';

interface AppendOutcomeRow {
  outcome: 'appended' | 'duplicate' | 'wrong_revision' | 'id_conflict';
  revision: string | null;
  last_position: string | null;
  event_id: string | null;
}

/** The parameters of APPEND_SQL. */
export function appendParams(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): unknown[] {
  if (events.length === 0) throw new RangeError(`Nothing to append to stream ${streamId}`);
  if (typeof expected === 'number' && !(Number.isSafeInteger(expected) && expected >= 0)) {
    throw new RangeError(`Expected revision must be a non-negative integer, got ${expected}`);
  }
  const payload = events.map(({ id, type, data, metadata }) => ({ id, type, data, metadata }));
  return [streamId, String(expected), JSON.stringify(payload)];
}

/** Runs one append on any executor: the pool, or a caller's open transaction. */
export async function executeAppend(
  sql: SqlExecutor,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  const { rows } = await sql.query<AppendOutcomeRow>(APPEND_SQL, appendParams(streamId, events, expected));
  return toAppendResult(streamId, expected, rows[0]);
}

function toAppendResult(streamId: string, expected: ExpectedRevision, row: AppendOutcomeRow): AppendResult {
  switch (row.outcome) {
    case 'appended':
    case 'duplicate':
      return { nextExpectedRevision: Number(row.revision), position: toBigInt(row.last_position) };
    case 'wrong_revision':
      throw new WrongExpectedRevisionError(streamId, expected, Number(row.revision));
    case 'id_conflict':
      throw new IdempotencyConflictError(streamId, String(row.event_id));
  }
}

/** The one statement of a multi-stream append; `$1` the appends as JSON (see es_append_to_streams). */
const APPEND_TO_STREAMS_SQL =
  'SELECT o_outcome AS outcome, o_revision::text AS revision, o_last_position::text AS last_position FROM es_append_to_streams($1::jsonb)';

/** What es_append_to_streams raises when one stream's append is refused (the whole call is undone). */
const STREAM_REFUSED = 'RF001';

/** Several streams in one statement, all or none; answers each stream's result, in order. */
export async function executeAppendToStreams(sql: SqlExecutor, appends: readonly StreamAppend[]): Promise<AppendResult[]> {
  const payload = appends.map(({ streamId, events, expectedRevision }) => {
    const [, expected, eventsJson] = appendParams(streamId, events, expectedRevision ?? 'any');
    return `{"streamId":${JSON.stringify(streamId)},"expected":${JSON.stringify(expected)},"events":${eventsJson as string}}`;
  });
  try {
    const { rows } = await sql.query<AppendOutcomeRow>(APPEND_TO_STREAMS_SQL, [`[${payload.join(',')}]`]);
    return rows.map((row, i) => toAppendResult(appends[i]!.streamId, appends[i]!.expectedRevision ?? 'any', row));
  } catch (error) {
    const refused = refusalOf(error);
    if (!refused) throw error;
    const append = appends[refused.index]!;
    return [toAppendResult(append.streamId, append.expectedRevision ?? 'any', refused)];
  }
}

function refusalOf(error: unknown): (AppendOutcomeRow & { index: number }) | null {
  const { code, detail } = (error ?? {}) as { code?: unknown; detail?: unknown };
  if (code !== STREAM_REFUSED || typeof detail !== 'string') return null;
  const parsed = JSON.parse(detail) as { index: number; outcome: AppendOutcomeRow['outcome']; revision: string | null; event_id: string | null };
  return { index: parsed.index, outcome: parsed.outcome, revision: parsed.revision, last_position: null, event_id: parsed.event_id };
}
