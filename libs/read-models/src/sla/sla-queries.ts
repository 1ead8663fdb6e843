import type { SqlExecutor } from '@referral/sql';
import type { CaseStatus, SlaState } from '../cases/case-list-item';
import { slaStateSql } from '../cases/sla-state-sql';
import { SqlParams } from '../sql-params';
import { toIsoInstant, toIsoInstantOrNull } from '../sql-values';
import type { SlaRule } from './sla-events';

export type OrgScope = readonly string[] | 'all';

export interface BreachFilter {
  /** The caller's orgs, or `all` (the city). */
  orgs: OrgScope;
  /** Breaches at or after this instant (`breachedAt`), inclusive. */
  from?: Date;
  /** Breaches at or before this instant, inclusive. */
  to?: Date;
}

/** `GET /sla/breaches`: one recorded, unretracted breach. */
export interface Breach {
  caseId: string;
  org: string;
  rule: SlaRule;
  dueAt: string;
  /** When it happened: the due time (recorded at its real instant even after downtime). */
  breachedAt: string;
}

export interface AtRiskFilter {
  orgs: OrgScope;
  now: Date;
  /** Due after `now` and at most this many hours later (inclusive). */
  withinHours: number;
  /** Also the triage cases past the city's line at `now` (the city's coordinators). */
  includeTriage?: boolean;
}

/** `GET /sla/at-risk`: an open case without contact whose first contact falls due soon. */
export interface FirstContactAtRisk {
  caseId: string;
  org: string;
  rule: 'first-contact';
  firstContactDueAt: string;
  assigneeId?: string;
}

/** `GET /sla/at-risk` for the city: a triage case still not routed past the city's line. */
export interface TriageWaiting {
  caseId: string;
  org: 'triage';
  rule: 'triage';
  receivedAt: string;
  /** Received + `triageAlertHours`: it has waited too long since just after this instant. */
  alertAt: string;
}

export type AtRiskCase = FirstContactAtRisk | TriageWaiting;

export type DeadlineKind = SlaRule | 'at-risk' | 'triage-wait';

/** A timer that should be armed: the decider decides, when it fires, whether anything happened. */
export interface OpenDeadline {
  caseId: string;
  kind: DeadlineKind;
  dueAt: string;
}

/** One case's deadlines and what was done towards them. */
export interface CaseSlaState {
  caseId: string;
  org: string;
  status: CaseStatus;
  slaState: SlaState;
  /** `null` while in triage (no clock). */
  firstContactDueAt: string | null;
  reachAttemptsDueAt: string | null;
  atRiskFrom: string | null;
  firstContactAt: string | null;
  phoneAttempts: number;
  eveningAttempts: number;
  /** At least one phone attempt in the evening window. */
  eveningAttempt: boolean;
  reached: boolean;
  closedAt: string | null;
  /** Every breach recorded for the case, retracted ones with `retractedAt` and `metAt`. */
  breaches: Array<Breach & { detectedAt: string; retractedAt: string | null; metAt: string | null }>;
}

export interface SlaStateOptions {
  now: Date;
  /** At-risk window; default: the case's own terms. */
  atRiskHours?: number;
}

const orgCondition = (orgs: OrgScope, params: SqlParams, column = 'org'): string | null =>
  orgs === 'all' ? null : `${column} = ANY(${params.add([...orgs], 'text[]')})`;

interface BreachRow {
  case_id: string;
  org: string;
  rule: SlaRule;
  due_at: unknown;
  breached_at: unknown;
}

const toBreach = (row: BreachRow): Breach => ({
  caseId: row.case_id, org: row.org, rule: row.rule, dueAt: toIsoInstant(row.due_at), breachedAt: toIsoInstant(row.breached_at),
});

/** Unretracted breaches with `breachedAt` in [from, to], by `breachedAt`, then case id and rule. */
export async function listBreaches(db: SqlExecutor, filter: BreachFilter): Promise<Breach[]> {
  const params = new SqlParams();
  const conditions = ['retracted_at IS NULL'];
  const scope = orgCondition(filter.orgs, params);
  if (scope) conditions.push(scope);
  if (filter.from) conditions.push(`breached_at >= ${params.add(filter.from.toISOString(), 'timestamptz')}`);
  if (filter.to) conditions.push(`breached_at <= ${params.add(filter.to.toISOString(), 'timestamptz')}`);
  const { rows } = await db.query<BreachRow>(
    `SELECT case_id, org, rule, due_at, breached_at FROM sla_breaches WHERE ${conditions.join(' AND ')}
     ORDER BY breached_at, case_id, rule`,
    params.values,
  );
  return rows.map(toBreach);
}

/**
 * With `includeTriage`, first the triage cases whose line (received + the city's hours) is
 * strictly before `now`, oldest receipt first; then open cases with no contact towards the person
 * whose first contact is due in (now, now + window], soonest first. The assignee comes from the
 * worklist (`case_list`), which may be a few events behind or ahead of `sla_cases`.
 */
export async function listAtRisk(db: SqlExecutor, filter: AtRiskFilter): Promise<AtRiskCase[]> {
  const triage = filter.includeTriage ? await listTriageWaiting(db, filter.now) : [];
  return [...triage, ...(await listFirstContactAtRisk(db, filter))];
}

async function listTriageWaiting(db: SqlExecutor, now: Date): Promise<TriageWaiting[]> {
  const { rows } = await db.query<{ case_id: string; received_at: unknown; triage_alert_at: unknown }>(
    `SELECT case_id, received_at, triage_alert_at FROM sla_cases
     WHERE status = 'triage' AND triage_alert_at < $1::timestamptz ORDER BY received_at, case_id`,
    [now.toISOString()],
  );
  return rows.map((row) => ({
    caseId: row.case_id, org: 'triage', rule: 'triage', receivedAt: toIsoInstant(row.received_at), alertAt: toIsoInstant(row.triage_alert_at),
  }));
}

async function listFirstContactAtRisk(db: SqlExecutor, filter: AtRiskFilter): Promise<FirstContactAtRisk[]> {
  if (!Number.isFinite(filter.withinHours) || filter.withinHours < 0) throw new RangeError('withinHours must be a non-negative number');
  const params = new SqlParams();
  const now = params.add(filter.now.toISOString(), 'timestamptz');
  const conditions = [
    `s.status = 'open'`, 's.first_contact_at IS NULL', 'NOT s.first_contact_missed',
    `s.first_contact_due_at > ${now}`,
    `s.first_contact_due_at <= ${now} + interval '1 hour' * ${params.add(filter.withinHours, 'float8')}`,
  ];
  const scope = orgCondition(filter.orgs, params, 's.org');
  if (scope) conditions.push(scope);
  const { rows } = await db.query<{ case_id: string; org: string; first_contact_due_at: unknown; assignee_id: string | null }>(
    `SELECT s.case_id, s.org, s.first_contact_due_at, c.assignee_id
     FROM sla_cases s LEFT JOIN case_list c ON c.case_id = s.case_id
     WHERE ${conditions.join(' AND ')} ORDER BY s.first_contact_due_at, s.case_id`,
    params.values,
  );
  return rows.map((row) => ({
    caseId: row.case_id,
    org: row.org,
    rule: 'first-contact' as const,
    firstContactDueAt: toIsoInstant(row.first_contact_due_at),
    ...(row.assignee_id ? { assigneeId: row.assignee_id } : {}),
  }));
}

/**
 * Every deadline timer that should be armed, by due time. A rule is listed until it is met in time
 * (a contact or reach by its `at`, at or before the due instant), its breach is recorded, or the
 * case closed at or before the due instant. So a case closed, contacted or reached only after its
 * due time with no breach recorded (the service was down when it fell due) is listed, and its
 * breach gets recorded at the real due time. Listing a rule that turns out met is harmless: the
 * decider then records nothing. `at-risk` is listed for open cases without contact or recorded
 * first-contact breach; `triage-wait` (at the city's line) for triage cases whose wait is not
 * recorded, past lines included (a restart after downtime records them at their true time).
 */
export async function listOpenDeadlines(db: SqlExecutor): Promise<OpenDeadline[]> {
  const { rows } = await db.query<{ case_id: string; kind: DeadlineKind; due_at: unknown }>(
    `SELECT case_id, 'first-contact' AS kind, first_contact_due_at AS due_at FROM sla_cases
       WHERE first_contact_due_at IS NOT NULL AND NOT first_contact_missed
         AND (first_contact_at IS NULL OR first_contact_at > first_contact_due_at)
         AND (closed_at IS NULL OR closed_at > first_contact_due_at)
     UNION ALL
     SELECT case_id, 'at-risk', at_risk_from FROM sla_cases
       WHERE status = 'open' AND at_risk_from IS NOT NULL AND first_contact_at IS NULL AND NOT first_contact_missed
     UNION ALL
     SELECT case_id, 'reach-attempts', reach_due_at FROM sla_cases
       WHERE reach_due_at IS NOT NULL AND NOT reach_missed
         AND (reached_at IS NULL OR reached_at > reach_due_at)
         AND (phone_attempts_by_reach_due < phone_attempts_required OR evening_attempts_by_reach_due < evening_attempts_required)
         AND (closed_at IS NULL OR closed_at > reach_due_at)
     UNION ALL
     SELECT case_id, 'triage-wait', triage_alert_at FROM sla_cases
       WHERE status = 'triage' AND triage_alert_at IS NOT NULL AND triage_waited_at IS NULL
     ORDER BY due_at, case_id, kind`,
  );
  return rows.map((row) => ({ caseId: row.case_id, kind: row.kind, dueAt: toIsoInstant(row.due_at) }));
}

interface SlaCaseRow {
  case_id: string;
  org: string;
  status: CaseStatus;
  sla_state: SlaState;
  first_contact_due_at: unknown;
  reach_due_at: unknown;
  at_risk_from: unknown;
  first_contact_at: unknown;
  phone_attempts: number;
  evening_attempts: number;
  reached: boolean;
  closed_at: unknown;
  breaches: Array<{ rule: SlaRule; org: string; due_at: string; breached_at: string; detected_at: string; retracted_at: string | null; retracted_met_at: string | null }>;
}

/** One case's SLA state at `now` (same rule as the worklist); `null` when unknown. */
export async function slaStateOf(db: SqlExecutor, caseId: string, options: SlaStateOptions): Promise<CaseSlaState | null> {
  const { rows } = await db.query<SlaCaseRow>(
    `SELECT s.case_id, s.org, s.status, ${slaStateSql('$2::timestamptz', '$3::float8')} AS sla_state, s.first_contact_due_at,
       s.reach_due_at, s.at_risk_from, s.first_contact_at, s.phone_attempts, s.evening_attempts, s.reached, s.closed_at,
       (SELECT COALESCE(jsonb_agg(jsonb_build_object('rule', b.rule, 'org', b.org, 'due_at', b.due_at,
          'breached_at', b.breached_at, 'detected_at', b.detected_at, 'retracted_at', b.retracted_at,
          'retracted_met_at', b.retracted_met_at) ORDER BY b.breached_at, b.rule), '[]'::jsonb)
        FROM sla_breaches b WHERE b.case_id = s.case_id) AS breaches
     FROM sla_cases s WHERE s.case_id = $1`,
    [caseId, options.now.toISOString(), options.atRiskHours ?? null],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    caseId: row.case_id,
    org: row.org,
    status: row.status,
    slaState: row.sla_state,
    firstContactDueAt: toIsoInstantOrNull(row.first_contact_due_at),
    reachAttemptsDueAt: toIsoInstantOrNull(row.reach_due_at),
    atRiskFrom: toIsoInstantOrNull(row.at_risk_from),
    firstContactAt: toIsoInstantOrNull(row.first_contact_at),
    phoneAttempts: row.phone_attempts,
    eveningAttempts: row.evening_attempts,
    eveningAttempt: row.evening_attempts > 0,
    reached: row.reached,
    closedAt: toIsoInstantOrNull(row.closed_at),
    breaches: row.breaches.map((b) => ({
      caseId: row.case_id, org: b.org, rule: b.rule, dueAt: toIsoInstant(b.due_at), breachedAt: toIsoInstant(b.breached_at),
      detectedAt: toIsoInstant(b.detected_at), retractedAt: toIsoInstantOrNull(b.retracted_at), metAt: toIsoInstantOrNull(b.retracted_met_at),
    })),
  };
}
