import { toIsoInstant, toIsoInstantOrNull } from '../sql-values';

export type CaseStatus = 'open' | 'closed' | 'triage';
export type SlaState = 'ok' | 'at-risk' | 'breached';

/** A case as lists show it (contract, "Lists and case views"). */
export interface CaseListItem {
  caseId: string;
  /** The holder: an org id, or `triage`. */
  org: string;
  status: CaseStatus;
  source: string;
  receivedAt: string;
  assigneeId: string | null;
  slaState: SlaState;
  linkSuggested: boolean;
  /** `null` while in triage. */
  firstContactDueAt: string | null;
}

/** The `case_list` columns a list item is read from, plus the computed `sla_state`. */
export const CASE_LIST_ITEM_COLUMNS =
  'case_id, org, status, source, received_at, assignee_id, link_suggested, first_contact_due_at';

export interface CaseListItemRow {
  case_id: string;
  org: string;
  status: CaseStatus;
  source: string;
  received_at: unknown;
  assignee_id: string | null;
  link_suggested: boolean;
  first_contact_due_at: unknown;
  sla_state: SlaState;
}

export function toCaseListItem(row: CaseListItemRow): CaseListItem {
  return {
    caseId: row.case_id,
    org: row.org,
    status: row.status,
    source: row.source,
    receivedAt: toIsoInstant(row.received_at),
    assigneeId: row.assignee_id,
    slaState: row.sla_state,
    linkSuggested: row.link_suggested,
    firstContactDueAt: toIsoInstantOrNull(row.first_contact_due_at),
  };
}
