import type { SqlExecutor } from '@referral/sql';
import { SqlParams } from '../sql-params';
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

/** Newest deadline first (triage, with no deadline, last), then by case id; keyset paging. */
export async function listCases(db: SqlExecutor, filter: CaseListFilter): Promise<CasePage> {
  if (!Number.isSafeInteger(filter.limit) || filter.limit < 1) throw new RangeError('limit must be a positive integer');
  const params = new SqlParams();
  const slaState = slaStateSql(params.add(filter.now.toISOString(), 'timestamptz'), params.add(filter.atRiskHours ?? null, 'float8'));
  const conditions = filterConditions(filter, params);
  if (filter.slaState) conditions.push(`sla_state = ${params.add(filter.slaState)}`);
  if (filter.cursor) conditions.push(afterCursor(decodeListCursor(filter.cursor), params));
  const { rows } = await db.query<CaseListItemRow>(
    `SELECT * FROM (SELECT ${CASE_LIST_ITEM_COLUMNS}, ${slaState} AS sla_state FROM case_list) c
     ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY first_contact_due_at DESC NULLS LAST, case_id
     LIMIT ${params.add(filter.limit + 1, 'int')}`,
    params.values,
  );
  const items = rows.slice(0, filter.limit).map(toCaseListItem);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > filter.limit && last ? encodeListCursor({ dueAt: last.firstContactDueAt, caseId: last.caseId }) : null;
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

/** Rows after the cursor in `due DESC NULLS LAST, case_id` order. */
function afterCursor(cursor: ListCursor, params: SqlParams): string {
  const caseId = params.add(cursor.caseId, 'text');
  if (cursor.dueAt === null) return `(first_contact_due_at IS NULL AND case_id > ${caseId})`;
  const due = params.add(cursor.dueAt, 'timestamptz');
  return `(first_contact_due_at < ${due} OR (first_contact_due_at = ${due} AND case_id > ${caseId}) OR first_contact_due_at IS NULL)`;
}
