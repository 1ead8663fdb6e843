import { toBigInt, type SqlExecutor } from '@referral/sql';
import { IdempotencyConflictError, WrongExpectedRevisionError } from '../errors';
import type { AppendResult, ExpectedRevision, NewEvent } from '../event-store.port';

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
