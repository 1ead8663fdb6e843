import type { CaseEvent } from '@referral/case';
import type { RecordedEvent } from '@referral/event-store';
import type { ProjectionDefinition, TableNames } from '@referral/projections';
import type { SqlExecutor } from '@referral/sql';
import { DEADLINE_EVENT_TYPES } from '../sla/sla-events';
import { jsonParam } from '../sql-values';
import { caseHistoryEntry } from './case-history-entry';
import { writeCaseList } from './case-list-writes';
import { CASE_VIEW_TABLES, createCaseViewTables, type CaseViewTable } from './case-views-schema';

const CASE_EVENT_TYPES: ReadonlySet<string> = new Set<CaseEvent['type']>([
  'CaseReceived', 'TriageResolved', 'VolunteerAssigned', 'VolunteerUnassigned', 'ContactRecorded', 'PersonLinked', 'CaseClosed', 'PersonalDataErased',
  // No store held these events before the history learnt them, so version 4's tables stay right.
  'TriageWaitExceeded', 'ContactSafetyChanged',
  ...(DEADLINE_EVENT_TYPES as ReadonlySet<CaseEvent['type']>),
]);

export const isCaseEvent = (event: RecordedEvent): boolean => CASE_EVENT_TYPES.has(event.type);

/**
 * The worklist (`case_list`) and each case's history (`case_history`), from the case streams.
 * Version 2: recorded breaches and retractions (a flag per rule on `case_list`, entries in the
 * history), so `slaState` is `breached` from recorded facts only. Version 3: personal data kept
 * sealed as the store holds it (`personal_data`, and in history entries), opened only when a
 * case is shown; erasures. Version 4: the reach-attempt due time (`reach_due_at`), so the worklist
 * can list the most urgent first.
 */
export const caseViewsProjection: ProjectionDefinition<CaseViewTable> = {
  name: 'case_views',
  handles: CASE_EVENT_TYPES,
  version: 4,
  tables: CASE_VIEW_TABLES,
  setup: createCaseViewTables,
  async handle(recorded: RecordedEvent, tx: SqlExecutor, tables: TableNames<CaseViewTable>) {
    if (!isCaseEvent(recorded)) return;
    const event = { type: recorded.type, data: recorded.data } as unknown as CaseEvent;
    await writeCaseList(event, tx, tables.case_list, String(recorded.position));
    const entry = caseHistoryEntry(event);
    // `seq` is the event's place in its case stream: it orders the history and is never shown.
    await tx.query(
      `INSERT INTO ${tables.case_history} (case_id, seq, type, at, entry) VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (case_id, seq) DO NOTHING`,
      [event.data.caseId, recorded.revision, entry.type, entry.at, jsonParam(entry)],
    );
  },
};
