import type { TableNames } from '@referral/projections';
import type { SqlExecutor } from '@referral/sql';

export const CASE_VIEW_TABLES = ['case_list', 'case_history'] as const;
export type CaseViewTable = (typeof CASE_VIEW_TABLES)[number];

/**
 * One row per case for lists, and one history entry per case event for the case view.
 * `case_id` sorts byte-wise (`COLLATE "C"`) so the keyset order is the same on every server.
 */
export async function createCaseViewTables(tx: SqlExecutor, tables: TableNames<CaseViewTable>): Promise<void> {
  await tx.query(`CREATE TABLE IF NOT EXISTS ${tables.case_list} (
    case_id text COLLATE "C" PRIMARY KEY,
    org text NOT NULL,
    status text NOT NULL,
    source text NOT NULL,
    received_at timestamptz NOT NULL,
    assignee_id text,
    link_suggested boolean NOT NULL,
    linked_from jsonb,
    linked_to jsonb,
    person jsonb NOT NULL,
    personal_data jsonb,
    erased_at timestamptz,
    crime jsonb NOT NULL,
    area jsonb,
    first_contact_due_at timestamptz,
    reach_due_at timestamptz,
    at_risk_hours double precision,
    first_contact_at timestamptz,
    phone_attempts integer NOT NULL DEFAULT 0,
    evening_attempts integer NOT NULL DEFAULT 0,
    reached boolean NOT NULL DEFAULT false,
    closed_at timestamptz,
    closure_reason text,
    first_contact_missed boolean NOT NULL DEFAULT false,
    reach_missed boolean NOT NULL DEFAULT false,
    updated_position bigint NOT NULL
  )`);
  await tx.query(
    `CREATE INDEX IF NOT EXISTS ${tables.case_list}_by_due ON ${tables.case_list} (first_contact_due_at DESC NULLS LAST, case_id)`,
  );
  await tx.query(`CREATE INDEX IF NOT EXISTS ${tables.case_list}_by_org ON ${tables.case_list} (org, status)`);
  await tx.query(`CREATE TABLE IF NOT EXISTS ${tables.case_history} (
    case_id text NOT NULL,
    seq integer NOT NULL,
    type text NOT NULL,
    at timestamptz NOT NULL,
    entry jsonb NOT NULL,
    PRIMARY KEY (case_id, seq)
  )`);
}
