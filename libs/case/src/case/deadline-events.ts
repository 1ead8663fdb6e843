import { OrgId } from '../shared/org';

/** The two service commitments a case can breach. */
export type DeadlineRule = 'first-contact' | 'reach-attempts';
export const DEADLINE_RULES: readonly DeadlineRule[] = ['first-contact', 'reach-attempts'];

/** What every recorded breach carries (a type alias: event data is a plain record). */
export type DeadlineMissedFacts = {
  readonly caseId: string;
  readonly org: OrgId;
  /** When the breach happened: the due instant. */
  readonly at: string;
  readonly dueAt: string;
  /** The `now` of the check that recorded it (later than `at` after downtime). */
  readonly detectedAt: string;
  /** The SLA terms' version the deadline was computed under. */
  readonly policyVersion: string;
  /** Never set by a check (no user acts); present so every case event reads alike. */
  readonly by?: string;
};

/**
 * No contact towards the person by the first-contact deadline. Recorded once per clock, at the
 * moment it happened (`at` = `dueAt`), however late the check that found it (`detectedAt`).
 */
export interface FirstContactDeadlineMissed {
  readonly type: 'FirstContactDeadlineMissed';
  readonly data: DeadlineMissedFacts;
}

/**
 * By the reach-attempt deadline nobody reached the person and the reach-attempt rule still
 * failed, counting only contacts at or before `dueAt`. Same timing fields as above.
 */
export interface ReachAttemptsDeadlineMissed {
  readonly type: 'ReachAttemptsDeadlineMissed';
  readonly data: DeadlineMissedFacts & {
    /** Phone attempts at or before `dueAt`. */
    readonly phoneAttempts: number;
    /** Of them, in the evening window. */
    readonly eveningAttempts: number;
  };
}

/**
 * A contact typed in after the fact shows that a recorded breach did not happen: its `at`
 * (`metAt`) is on time. The breach stays in the history; this event withdraws it, visibly.
 */
export interface DeadlineBreachRetracted {
  readonly type: 'DeadlineBreachRetracted';
  readonly data: {
    readonly caseId: string;
    readonly org: OrgId;
    readonly rule: DeadlineRule;
    /** When it was retracted: the `now` of the `RecordContact` that showed it. */
    readonly at: string;
    /** The due instant of the breach it retracts. */
    readonly dueAt: string;
    /** The `at` of the contact that meets the rule. */
    readonly metAt: string;
    /** The user who recorded the contact. */
    readonly by?: string;
  };
}

export type DeadlineEvent = FirstContactDeadlineMissed | ReachAttemptsDeadlineMissed | DeadlineBreachRetracted;
