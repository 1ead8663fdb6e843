import { slaDeadlines, type CaseEvent, type CaseReceived, type SlaTerms } from '@referral/case';
import type { SqlExecutor } from '@referral/sql';
import { ruleOf } from '../sla/sla-events';
import { jsonParam } from '../sql-values';

interface SlaClock {
  dueAt: string | null;
  reachDueAt: string | null;
  atRiskHours: number | null;
}

/** Due times from the case's own terms; no clock while in triage (`sla` null). */
function slaClock(terms: SlaTerms | null, startedAt: string): SlaClock {
  const deadlines = terms === null ? null : slaDeadlines(terms, startedAt);
  return {
    dueAt: deadlines?.firstContactDueAt ?? null,
    reachDueAt: deadlines?.reachAttemptsDueAt ?? null,
    atRiskHours: terms?.atRiskHours ?? null,
  };
}

/** Applies one case event to `case_list` (one statement). `position` is the event's, as text. */
export async function writeCaseList(event: CaseEvent, tx: SqlExecutor, table: string, position: string): Promise<void> {
  switch (event.type) {
    case 'CaseReceived':
      return insertCase(event.data, tx, table, position);
    case 'TriageResolved': {
      const clock = slaClock(event.data.sla, event.data.at);
      await tx.query(
        `UPDATE ${table} SET org = $2, status = 'open', link_suggested = $3, first_contact_due_at = $4,
           at_risk_hours = $5, reach_due_at = $6, updated_position = $7 WHERE case_id = $1`,
        [event.data.caseId, event.data.org, event.data.linkSuggested, clock.dueAt, clock.atRiskHours, clock.reachDueAt, position],
      );
      return;
    }
    case 'VolunteerAssigned':
      await tx.query(`UPDATE ${table} SET assignee_id = $2, updated_position = $3 WHERE case_id = $1`, [
        event.data.caseId, event.data.volunteerId, position,
      ]);
      return;
    case 'VolunteerUnassigned':
      await tx.query(`UPDATE ${table} SET assignee_id = NULL, updated_position = $2 WHERE case_id = $1`, [event.data.caseId, position]);
      return;
    case 'ContactRecorded': {
      const { data } = event;
      const isPhone = data.channel === 'phone';
      // LEAST ignores NULL: the earliest contact towards the person, whatever order they are recorded in.
      await tx.query(
        `UPDATE ${table} SET
           first_contact_at = CASE WHEN $2 THEN LEAST(first_contact_at, $3::timestamptz) ELSE first_contact_at END,
           phone_attempts = phone_attempts + $4, evening_attempts = evening_attempts + $5,
           reached = reached OR $6, updated_position = $7
         WHERE case_id = $1`,
        [data.caseId, data.towardsPerson, data.at, isPhone ? 1 : 0, isPhone && data.inEveningWindow ? 1 : 0, data.reached, position],
      );
      return;
    }
    case 'PersonLinked':
      await tx.query(`UPDATE ${table} SET linked_to = $2::jsonb, updated_position = $3 WHERE case_id = $1`, [
        event.data.caseId, jsonParam({ caseId: event.data.linkedCaseId, org: event.data.to }), position,
      ]);
      return;
    case 'PersonalDataErased':
      await tx.query(`UPDATE ${table} SET erased_at = $2, updated_position = $3 WHERE case_id = $1`, [
        event.data.caseId, event.data.at, position,
      ]);
      return;
    case 'CaseClosed':
      await tx.query(
        `UPDATE ${table} SET status = 'closed', closed_at = $2, closure_reason = $3, updated_position = $4 WHERE case_id = $1`,
        [event.data.caseId, event.data.at, event.data.reason, position],
      );
      return;
    case 'FirstContactDeadlineMissed':
    case 'ReachAttemptsDeadlineMissed':
    case 'DeadlineBreachRetracted': {
      // A breach sets its rule's flag, a retraction clears it: a case has one due time per rule
      // (its clock starts once, at receipt or at triage resolution).
      const missed = event.type !== 'DeadlineBreachRetracted';
      await tx.query(`UPDATE ${table} SET ${MISSED_COLUMN[ruleOf(event)]} = $2, updated_position = $3 WHERE case_id = $1`, [
        event.data.caseId, missed, position,
      ]);
      return;
    }
  }
}

const MISSED_COLUMN = { 'first-contact': 'first_contact_missed', 'reach-attempts': 'reach_missed' } as const;

async function insertCase(data: CaseReceived['data'], tx: SqlExecutor, table: string, position: string): Promise<void> {
  const clock = slaClock(data.sla, data.at);
  await tx.query(
    `INSERT INTO ${table} (case_id, org, status, source, received_at, assignee_id, link_suggested, linked_from,
       person, personal_data, crime, area, first_contact_due_at, at_risk_hours, reach_due_at, updated_position)
     VALUES ($1, $2, $3, $4, $5, NULL, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10::jsonb, $11::jsonb, $12, $13, $14, $15)
     ON CONFLICT (case_id) DO NOTHING`,
    [
      data.caseId, data.org, data.status, data.source, data.at, data.linkSuggested, jsonParam(data.linkedFrom),
      jsonParam(data.person), jsonParam(data.personalData), jsonParam(data.crime), jsonParam(data.area), clock.dueAt, clock.atRiskHours, clock.reachDueAt, position,
    ],
  );
}
