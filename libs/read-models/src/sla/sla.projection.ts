import { slaDeadlines, startTriageWait, type CaseEvent, type DeadlineEvent, type SlaTerms } from '@referral/case';
import type { RecordedEvent } from '@referral/event-store';
import type { ProjectionDefinition, TableNames } from '@referral/projections';
import type { SqlExecutor } from '@referral/sql';
import { DEADLINE_EVENT_TYPES, isDeadlineEvent, ruleOf, type SlaRule } from './sla-events';
import { SLA_TABLES, createSlaTables, type SlaTable } from './sla-schema';

/** The per-case SLA clock columns, from the case's own terms; all null while in triage. */
function clockColumns(terms: SlaTerms | null, startedAt: string): unknown[] {
  const deadlines = terms === null ? null : slaDeadlines(terms, startedAt);
  if (terms === null || deadlines === null) return [null, null, null, null, null, null, null, null];
  return [
    terms.policyVersion, startedAt, deadlines.firstContactDueAt, deadlines.reachAttemptsDueAt, deadlines.atRiskFrom,
    terms.atRiskHours, terms.phoneAttemptsRequired, terms.eveningAttemptsRequired,
  ];
}

const MISSED_COLUMN: Record<SlaRule, string> = { 'first-contact': 'first_contact_missed', 'reach-attempts': 'reach_missed' };

/**
 * Deadlines and breaches per case (`sla`): due times from `slaDeadlines` and the case's own terms,
 * what was done towards them (by each contact's `at`), and the breaches the deciders recorded,
 * with their retractions. Feeds `breaches`, `atRisk`, `openDeadlines` and `slaStateOf`.
 * Version 2: receipt, the city's line of a triage case and its recorded wait (`triage_*`).
 */
export const slaProjection: ProjectionDefinition<SlaTable> = {
  name: 'sla',
  handles: new Set([...DEADLINE_EVENT_TYPES, 'CaseReceived', 'TriageWaitExceeded', 'TriageResolved', 'ContactRecorded', 'CaseClosed']),
  version: 2,
  tables: SLA_TABLES,
  setup: createSlaTables,
  async handle(recorded: RecordedEvent, tx: SqlExecutor, tables: TableNames<SlaTable>) {
    const position = String(recorded.position);
    const event = { type: recorded.type, data: recorded.data } as unknown as CaseEvent;
    if (isDeadlineEvent(event)) return writeDeadlineEvent(event, tx, tables, position);
    const { sla_cases: cases, sla_breaches: breaches } = tables;
    switch (event.type) {
      case 'CaseReceived': {
        const { data } = event;
        const triageWait = data.status === 'triage' ? startTriageWait(data.triageTerms, data.at) : null;
        await tx.query(
          `INSERT INTO ${cases} (case_id, org, status, policy_version, clock_started_at, first_contact_due_at, reach_due_at,
             at_risk_from, at_risk_hours, phone_attempts_required, evening_attempts_required, updated_position,
             received_at, triage_alert_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (case_id) DO NOTHING`,
          [
            data.caseId, data.org, data.status, ...clockColumns(data.status === 'open' ? data.sla : null, data.at), position,
            data.at, triageWait?.alertAt ?? null,
          ],
        );
        return;
      }
      case 'TriageWaitExceeded':
        await tx.query(
          `UPDATE ${cases} SET triage_waited_at = COALESCE(triage_waited_at, $2::timestamptz), updated_position = $3 WHERE case_id = $1`,
          [event.data.caseId, event.data.at, position],
        );
        return;
      case 'TriageResolved': {
        const { data } = event;
        await tx.query(
          `UPDATE ${cases} SET org = $2, status = 'open', policy_version = $3, clock_started_at = $4, first_contact_due_at = $5,
             reach_due_at = $6, at_risk_from = $7, at_risk_hours = $8, phone_attempts_required = $9,
             evening_attempts_required = $10, updated_position = $11
           WHERE case_id = $1`,
          [data.caseId, data.org, ...clockColumns(data.sla, data.at), position],
        );
        // No breach can be recorded while in triage (no clock), but the org follows the case.
        await tx.query(`UPDATE ${breaches} SET org = $2 WHERE case_id = $1 AND org <> $2`, [data.caseId, data.org]);
        return;
      }
      case 'ContactRecorded': {
        const { data } = event;
        const phone = data.channel === 'phone' ? 1 : 0;
        const evening = phone && data.inEveningWindow ? 1 : 0;
        // By `at`, whatever order contacts are typed in: the earliest contact and reach, and the
        // attempts made by the reach-attempt due time (what decides that rule).
        await tx.query(
          `UPDATE ${cases} SET
             first_contact_at = CASE WHEN $2::boolean THEN LEAST(first_contact_at, $3::timestamptz) ELSE first_contact_at END,
             phone_attempts = phone_attempts + $4::int, evening_attempts = evening_attempts + $5::int,
             phone_attempts_by_reach_due = phone_attempts_by_reach_due
               + CASE WHEN $3::timestamptz <= reach_due_at THEN $4::int ELSE 0 END,
             evening_attempts_by_reach_due = evening_attempts_by_reach_due
               + CASE WHEN $3::timestamptz <= reach_due_at THEN $5::int ELSE 0 END,
             reached = reached OR $6::boolean,
             reached_at = CASE WHEN $6::boolean THEN LEAST(reached_at, $3::timestamptz) ELSE reached_at END,
             updated_position = $7
           WHERE case_id = $1`,
          [data.caseId, data.towardsPerson, data.at, phone, evening, data.reached, position],
        );
        return;
      }
      case 'CaseClosed':
        await tx.query(`UPDATE ${cases} SET status = 'closed', closed_at = $2, updated_position = $3 WHERE case_id = $1`, [
          event.data.caseId, event.data.at, position,
        ]);
        return;
      default:
        // PersonLinked (the linked case has a clock of its own), VolunteerAssigned, other streams.
        return;
    }
  },
};

async function writeDeadlineEvent(event: DeadlineEvent, tx: SqlExecutor, tables: TableNames<SlaTable>, position: string): Promise<void> {
  const { sla_cases: cases, sla_breaches: breaches } = tables;
  const { data } = event;
  if (event.type === 'DeadlineBreachRetracted') {
    const { rule } = event.data;
    await tx.query(
      `UPDATE ${breaches} SET retracted_at = $4, retracted_met_at = $5
       WHERE case_id = $1 AND rule = $2 AND due_at = $3::timestamptz AND retracted_at IS NULL`,
      [data.caseId, rule, data.dueAt, data.at, event.data.metAt],
    );
    await setMissedFlag(tx, cases, breaches, data.caseId, rule, position);
    return;
  }
  const rule = ruleOf(event);
  // Recorded once by the decider; should the same breach come again it stands again.
  await tx.query(
    `INSERT INTO ${breaches} (case_id, org, rule, due_at, breached_at, detected_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (case_id, rule, due_at) DO UPDATE SET retracted_at = NULL, retracted_met_at = NULL`,
    [event.data.caseId, event.data.org, rule, event.data.dueAt, event.data.at, event.data.detectedAt],
  );
  await setMissedFlag(tx, cases, breaches, data.caseId, rule, position);
}

/** The case's flag for a rule: an unretracted breach of it is recorded. */
async function setMissedFlag(
  tx: SqlExecutor, cases: string, breaches: string, caseId: string, rule: SlaRule, position: string,
): Promise<void> {
  await tx.query(
    `UPDATE ${cases} SET ${MISSED_COLUMN[rule]} = EXISTS (
       SELECT 1 FROM ${breaches} b WHERE b.case_id = $1 AND b.rule = $2 AND b.retracted_at IS NULL
     ), updated_position = $3 WHERE case_id = $1`,
    [caseId, rule, position],
  );
}
