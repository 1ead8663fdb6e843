import type { SqlExecutor } from '@referral/sql';
import type { CaseHistoryEntry } from './case-history-entry';
import { CASE_LIST_ITEM_COLUMNS, toCaseListItem, type CaseListItem, type CaseListItemRow } from './case-list-item';
import { revealCaseParts, unsealedReader, type PersonalDataReader } from './reveal-case-detail';
import { slaStateSql } from './sla-state-sql';

export interface CaseLink {
  caseId: string;
  org: string;
}

/** `GET /cases/{id}`: the list item plus the person and crime as sent, links, and history. */
export interface CaseDetail extends CaseListItem {
  person: Record<string, unknown>;
  crime: Record<string, unknown>;
  area: Record<string, unknown> | null;
  linkedFrom?: CaseLink;
  linkedTo?: CaseLink;
  /** As sent with the case (contract v1.1): absent when none was given, or after erasure. */
  policeReportNumber?: string;
  /** The note the case came with (the Police's, for a handover). */
  note?: string;
  /** The case's events in order. */
  history: CaseHistoryEntry[];
}

export interface CaseDetailOptions {
  /** The instant the SLA state is judged at; default: now. */
  now?: Date;
  atRiskHours?: number;
  /** Opens the sealed personal data; default: hands unsealed values back as they are. */
  personalData?: PersonalDataReader;
}

interface CaseDetailRow extends CaseListItemRow {
  person: Record<string, unknown>;
  personal_data: unknown;
  erased: boolean;
  crime: Record<string, unknown>;
  area: Record<string, unknown> | null;
  linked_from: CaseLink | null;
  linked_to: CaseLink | null;
  history: CaseHistoryEntry[];
}

export async function getCase(db: SqlExecutor, caseId: string, options: CaseDetailOptions = {}): Promise<CaseDetail | null> {
  // One statement, so the row and its history come from the same snapshot of the read model.
  const { rows } = await db.query<CaseDetailRow>(
    `SELECT ${CASE_LIST_ITEM_COLUMNS}, person, personal_data, erased_at IS NOT NULL AS erased, crime, area, linked_from, linked_to,
       ${slaStateSql('$2::timestamptz', '$3::float8')} AS sla_state,
       (SELECT COALESCE(jsonb_agg(h.entry ORDER BY h.seq), '[]'::jsonb) FROM case_history h WHERE h.case_id = c.case_id) AS history
     FROM case_list c WHERE c.case_id = $1`,
    [caseId, (options.now ?? new Date()).toISOString(), options.atRiskHours ?? null],
  );
  const row = rows[0];
  if (!row) return null;
  const { person, asSent, history } = await revealCaseParts(
    { person: row.person, personalData: row.personal_data, erased: row.erased, history: row.history },
    options.personalData ?? unsealedReader,
  );
  return {
    ...toCaseListItem(row),
    person,
    ...asSent,
    crime: row.crime,
    area: row.area,
    ...(row.linked_from ? { linkedFrom: row.linked_from } : {}),
    ...(row.linked_to ? { linkedTo: row.linked_to } : {}),
    history,
  };
}
