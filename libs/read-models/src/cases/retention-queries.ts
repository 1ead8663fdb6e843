import type { SqlExecutor } from '@referral/sql';

export interface CaseDueForErasure {
  caseId: string;
  closedAt: string;
}

/**
 * `org`'s closed cases whose personal data is still kept although they closed at or before
 * `closedBefore`, oldest closure first, after `after` (keyset paging).
 */
export async function listCasesDueForErasure(
  db: SqlExecutor,
  org: string,
  closedBefore: Date,
  limit: number,
  after: CaseDueForErasure | null = null,
): Promise<CaseDueForErasure[]> {
  const { rows } = await db.query<{ case_id: string; closed_at: Date | string }>(
    `SELECT case_id, closed_at FROM case_list
     WHERE org = $1 AND status = 'closed' AND erased_at IS NULL AND closed_at <= $2
       AND ($4::timestamptz IS NULL OR (closed_at, case_id) > ($4::timestamptz, $5::text))
     ORDER BY closed_at, case_id LIMIT $3`,
    [org, closedBefore.toISOString(), limit, after?.closedAt ?? null, after?.caseId ?? null],
  );
  return rows.map((row) => ({ caseId: row.case_id, closedAt: new Date(row.closed_at).toISOString() }));
}
