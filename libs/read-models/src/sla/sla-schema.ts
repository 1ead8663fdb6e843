import type { TableNames } from '@referral/projections';
import type { SqlExecutor } from '@referral/sql';

export const SLA_TABLES = ['sla_cases', 'sla_breaches'] as const;
export type SlaTable = (typeof SLA_TABLES)[number];

/**
 * `sla_cases`: one row per case with its due times and what happened towards them.
 * `sla_breaches`: one row per recorded breach (rule and due time), retracted ones kept.
 * A case received in triage keeps `triage_alert_at` (received + the city's hours) and, once the
 * wait is recorded, `triage_waited_at`.
 */
export async function createSlaTables(tx: SqlExecutor, tables: TableNames<SlaTable>): Promise<void> {
  await tx.query(`CREATE TABLE IF NOT EXISTS ${tables.sla_cases} (
    case_id text COLLATE "C" PRIMARY KEY,
    org text NOT NULL,
    status text NOT NULL,
    policy_version text,
    clock_started_at timestamptz,
    first_contact_due_at timestamptz,
    reach_due_at timestamptz,
    at_risk_from timestamptz,
    at_risk_hours double precision,
    phone_attempts_required integer,
    evening_attempts_required integer,
    first_contact_at timestamptz,
    phone_attempts integer NOT NULL DEFAULT 0,
    evening_attempts integer NOT NULL DEFAULT 0,
    phone_attempts_by_reach_due integer NOT NULL DEFAULT 0,
    evening_attempts_by_reach_due integer NOT NULL DEFAULT 0,
    reached boolean NOT NULL DEFAULT false,
    reached_at timestamptz,
    closed_at timestamptz,
    first_contact_missed boolean NOT NULL DEFAULT false,
    reach_missed boolean NOT NULL DEFAULT false,
    received_at timestamptz,
    triage_alert_at timestamptz,
    triage_waited_at timestamptz,
    updated_position bigint NOT NULL
  )`);
  await tx.query(
    `CREATE INDEX IF NOT EXISTS ${tables.sla_cases}_open_by_due ON ${tables.sla_cases} (first_contact_due_at, case_id)
     WHERE status = 'open' AND first_contact_at IS NULL`,
  );
  await tx.query(
    `CREATE INDEX IF NOT EXISTS ${tables.sla_cases}_triage_by_alert ON ${tables.sla_cases} (triage_alert_at, case_id)
     WHERE status = 'triage'`,
  );
  await tx.query(`CREATE TABLE IF NOT EXISTS ${tables.sla_breaches} (
    case_id text COLLATE "C" NOT NULL,
    org text NOT NULL,
    rule text NOT NULL,
    due_at timestamptz NOT NULL,
    breached_at timestamptz NOT NULL,
    detected_at timestamptz NOT NULL,
    retracted_at timestamptz,
    retracted_met_at timestamptz,
    PRIMARY KEY (case_id, rule, due_at)
  )`);
  await tx.query(
    `CREATE INDEX IF NOT EXISTS ${tables.sla_breaches}_by_time ON ${tables.sla_breaches} (breached_at, case_id) WHERE retracted_at IS NULL`,
  );
}
