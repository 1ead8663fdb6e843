import type { SqlExecutor } from '@referral/sql';
import { SqlParams } from '../sql-params';
import { toIsoInstant } from '../sql-values';
import { CASE_LIST_ITEM_COLUMNS, toCaseListItem, type CaseListItem, type CaseListItemRow, type CaseStatus, type SlaState } from './case-list-item';
import { decodeListCursor, encodeListCursor, type ListCursor } from './list-cursor';
import { slaStateSql } from './sla-state-sql';

export interface CaseListFilter {
  /** The orgs whose cases the caller may see, or `all` (the city). */
  orgs: readonly string[] | 'all';
  /** Only cases assigned to one of these volunteers (a volunteer's own, or an assignee filter). */
  assigneeIds?: readonly string[];
  /** With `assigneeIds`: unassigned cases too (a volunteer where the org allows it). */
  includeUnassigned?: boolean;
  status?: CaseStatus;
  slaState?: SlaState;
  limit: number;
  cursor?: string | null;
  /** The instant the SLA state is judged at. */
  now: Date;
  /** At-risk window; default: each case's own terms (24 hours in policy sla.v1). */
  atRiskHours?: number;
}

export interface CasePage {
  items: CaseListItem[];
  nextCursor: string | null;
}

/**
 * The worklist order (contract v1.1), as groups: 1 open cases with a pending deadline, by that
 * deadline, soonest first (first contact while nobody has been contacted, then the reach-attempt
 * deadline while the person is not reached); 2 open cases with none, by receipt; 3 triage, by
 * receipt, oldest first; 4 closed cases, newest closing first. Ties by case id; keyset paging.
 */
const PENDING_DUE = `CASE WHEN status <> 'open' THEN NULL
  WHEN first_contact_at IS NULL THEN first_contact_due_at WHEN NOT reached THEN reach_due_at END`;
const GROUP = `CASE WHEN status = 'open' AND pending_due IS NOT NULL THEN 1 WHEN status = 'open' THEN 2
  WHEN status = 'triage' THEN 3 ELSE 4 END`;
const SORT_AT = `CASE WHEN status = 'closed' THEN closed_at WHEN pending_due IS NOT NULL THEN pending_due ELSE received_at END`;
const CLOSED_GROUP = 4;

export async function listCases(db: SqlExecutor, filter: CaseListFilter): Promise<CasePage> {
  if (!Number.isSafeInteger(filter.limit) || filter.limit < 1) throw new RangeError('limit must be a positive integer');
  const params = new SqlParams();
  const slaState = slaStateSql(params.add(filter.now.toISOString(), 'timestamptz'), params.add(filter.atRiskHours ?? null, 'float8'));
  const conditions = filterConditions(filter, params);
  if (filter.slaState) conditions.push(`sla_state = ${params.add(filter.slaState)}`);
  if (filter.cursor) conditions.push(afterCursor(decodeListCursor(filter.cursor), params));
  const { rows } = await db.query<CaseListItemRow & { list_group: number; sort_at: unknown }>(
    `SELECT * FROM (
       SELECT ${CASE_LIST_ITEM_COLUMNS}, sla_state, ${GROUP} AS list_group, ${SORT_AT} AS sort_at FROM (
         SELECT *, ${slaState} AS sla_state, ${PENDING_DUE} AS pending_due FROM case_list) pending) c
     ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY list_group, CASE WHEN list_group = ${CLOSED_GROUP} THEN NULL ELSE sort_at END,
       CASE WHEN list_group = ${CLOSED_GROUP} THEN sort_at END DESC, case_id
     LIMIT ${params.add(filter.limit + 1, 'int')}`,
    params.values,
  );
  const items = rows.slice(0, filter.limit).map(toCaseListItem);
  const last = rows[filter.limit - 1];
  const nextCursor =
    rows.length > filter.limit && last
      ? encodeListCursor({ group: Number(last.list_group), at: toIsoInstant(last.sort_at), caseId: last.case_id })
      : null;
  return { items, nextCursor };
}

function filterConditions(filter: CaseListFilter, params: SqlParams): string[] {
  const conditions: string[] = [];
  if (filter.orgs !== 'all') conditions.push(`org = ANY(${params.add([...filter.orgs], 'text[]')})`);
  if (filter.assigneeIds) {
    const assigned = `assignee_id = ANY(${params.add([...filter.assigneeIds], 'text[]')})`;
    conditions.push(filter.includeUnassigned ? `(${assigned} OR assignee_id IS NULL)` : assigned);
  }
  if (filter.status) conditions.push(`status = ${params.add(filter.status)}`);
  return conditions;
}

/** Rows after the cursor in worklist order (within the closed group the instant runs backwards). */
function afterCursor(cursor: ListCursor, params: SqlParams): string {
  const group = params.add(cursor.group, 'int');
  const at = params.add(cursor.at, 'timestamptz');
  const caseId = params.add(cursor.caseId, 'text');
  const later = cursor.group === CLOSED_GROUP ? '<' : '>';
  return `(list_group > ${group} OR (list_group = ${group} AND (sort_at ${later} ${at} OR (sort_at = ${at} AND case_id > ${caseId}))))`;
}
