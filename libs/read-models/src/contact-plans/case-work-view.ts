import {
  defaultContactPolicy, defaultContactSafety, nextSharedOpenEvening, planCalls,
  type AttemptWindow, type CaseStatus, type ContactFact, type ContactPolicy, type ContactSafety, type CrimeFlag,
  type OpenEveningOccurrence, type PersonalData, type ReachAttemptsProgress, type SlaTerms, STOCKHOLM, isOrgId,
} from '@referral/case';
import type { SqlExecutor } from '@referral/sql';
import type { PersonalDataReader } from '../cases/reveal-case-detail';
import { toIsoInstantOrNull } from '../sql-values';

/** What `GET /cases/{id}` adds for working the case (contract v1.1). */
export interface CaseWorkView {
  reachAttempts: ReachAttemptsProgress;
  nextAttempt: AttemptWindow | null;
  /** The jours' next shared open evening (policy), beside the plan; `null` where the org takes no part. */
  sharedOpenEvening: OpenEveningOccurrence | null;
  contactSafety: ContactSafety & { note?: string };
}

export interface CaseWorkOptions {
  now: Date;
  personalData: PersonalDataReader;
  policy?: ContactPolicy;
}

interface ContactPlanRow {
  status: CaseStatus;
  sla: SlaTerms | null;
  clock_started_at: unknown;
  contacts: ContactFact[];
  crime_flags: CrimeFlag[];
  contact_safety: ContactSafety | null;
  safety_note: unknown;
}

/** The case's call plan and contact safety at `options.now`, for the holder `org`; `null` when unknown. */
export async function caseWorkView(db: SqlExecutor, caseId: string, org: string, options: CaseWorkOptions): Promise<CaseWorkView | null> {
  const { rows } = await db.query<ContactPlanRow>(
    'SELECT status, sla, clock_started_at, contacts, crime_flags, contact_safety, safety_note FROM contact_plans WHERE case_id = $1',
    [caseId],
  );
  const row = rows[0];
  if (!row) return null;
  const policy = options.policy ?? defaultContactPolicy;
  const terms = isOrgId(org) ? policy.byOrg[org] : policy.defaults;
  const safety = row.contact_safety ?? defaultContactSafety({ flags: row.crime_flags }, terms);
  const plan = planCalls({
    status: row.status,
    terms: row.sla,
    clockStartedAt: toIsoInstantOrNull(row.clock_started_at),
    contacts: row.contacts,
    safeHours: safety.safeHours,
    minHoursBetweenAttempts: terms.minHoursBetweenAttempts,
    now: options.now.toISOString(),
  });
  const opened = row.safety_note === null ? null : ((await options.personalData.open(row.safety_note)) as PersonalData | null);
  return {
    ...plan,
    sharedOpenEvening: isOrgId(org) ? nextSharedOpenEvening(terms.sharedOpenEvening, options.now.getTime(), row.sla?.timeZone ?? STOCKHOLM) : null,
    contactSafety: { ...safety, ...(opened?.note === undefined ? {} : { note: opened.note }) },
  };
}
