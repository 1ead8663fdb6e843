import type { CaseEvent, ContactFact } from '@referral/case';
import type { RecordedEvent } from '@referral/event-store';
import type { ProjectionDefinition, TableNames } from '@referral/projections';
import type { SqlExecutor } from '@referral/sql';
import { jsonParam } from '../sql-values';

export const CONTACT_PLAN_TABLES = ['contact_plans'] as const;
export type ContactPlanTable = (typeof CONTACT_PLAN_TABLES)[number];

/**
 * What planning the next call and contacting the person safely need, one row per case: the
 * case's own SLA terms and clock, its contacts as the decider keeps them (no personal data), the
 * crime's flags, and the last contact-safety change (its note sealed as the store holds it,
 * cleared on erasure). The rules themselves are `planCalls` and `defaultContactSafety`.
 */
export const contactPlansProjection: ProjectionDefinition<ContactPlanTable> = {
  name: 'contact_plans',
  handles: new Set(['CaseReceived', 'TriageResolved', 'ContactRecorded', 'CaseClosed', 'ContactSafetyChanged', 'PersonalDataErased']),
  version: 1,
  tables: CONTACT_PLAN_TABLES,
  async setup(tx: SqlExecutor, tables: TableNames<ContactPlanTable>) {
    await tx.query(`CREATE TABLE IF NOT EXISTS ${tables.contact_plans} (
      case_id text PRIMARY KEY,
      status text NOT NULL,
      sla jsonb,
      clock_started_at timestamptz,
      contacts jsonb NOT NULL DEFAULT '[]'::jsonb,
      crime_flags jsonb NOT NULL,
      contact_safety jsonb,
      safety_note jsonb
    )`);
  },
  async handle(recorded: RecordedEvent, tx: SqlExecutor, tables: TableNames<ContactPlanTable>) {
    const event = { type: recorded.type, data: recorded.data } as unknown as CaseEvent;
    const table = tables.contact_plans;
    switch (event.type) {
      case 'CaseReceived': {
        const { data } = event;
        await tx.query(
          `INSERT INTO ${table} (case_id, status, sla, clock_started_at, crime_flags) VALUES ($1, $2, $3::jsonb, $4, $5::jsonb)
           ON CONFLICT (case_id) DO NOTHING`,
          [data.caseId, data.status, jsonParam(data.sla), data.status === 'open' ? data.at : null, JSON.stringify(data.crime.flags)],
        );
        return;
      }
      case 'TriageResolved':
        await tx.query(`UPDATE ${table} SET status = 'open', sla = $2::jsonb, clock_started_at = $3 WHERE case_id = $1`, [
          event.data.caseId, jsonParam(event.data.sla), event.data.at,
        ]);
        return;
      case 'ContactRecorded': {
        const { channel, outcome, at, towardsPerson, reached, inEveningWindow } = event.data;
        const fact: ContactFact = { channel, outcome, at, towardsPerson, reached, inEveningWindow };
        await tx.query(`UPDATE ${table} SET contacts = contacts || jsonb_build_array($2::jsonb) WHERE case_id = $1`, [
          event.data.caseId, JSON.stringify(fact),
        ]);
        return;
      }
      case 'CaseClosed':
        await tx.query(`UPDATE ${table} SET status = 'closed' WHERE case_id = $1`, [event.data.caseId]);
        return;
      case 'ContactSafetyChanged': {
        const { data } = event;
        await tx.query(`UPDATE ${table} SET contact_safety = $2::jsonb, safety_note = $3::jsonb WHERE case_id = $1`, [
          data.caseId, JSON.stringify({ mayLeaveMessage: data.mayLeaveMessage, safeHours: data.safeHours }), jsonParam(data.personalData),
        ]);
        return;
      }
      case 'PersonalDataErased':
        await tx.query(`UPDATE ${table} SET safety_note = NULL WHERE case_id = $1`, [event.data.caseId]);
        return;
      default:
        return;
    }
  },
};
