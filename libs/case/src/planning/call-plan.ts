import { SlaTerms } from '../config/sla-policy';
import { ContactFact } from '../case/case-state';
import { SafeHours } from '../case/contact-safety';
import { TRIAGE_ATTEMPT_RULES, assessReachAttempts } from '../case/reach-attempts';
import { slaDeadlines } from '../deadlines/sla-deadlines';
import { formatInstant, parseInstant } from '../time/instant';
import { nextAttemptWindow } from './next-attempt-window';

export interface CallPlanInput {
  readonly status: 'open' | 'triage' | 'closed';
  /** The case's own SLA terms; `null` while in triage. */
  readonly terms: SlaTerms | null;
  /** When the holder's clock started (receipt or triage resolution); `null` in triage. */
  readonly clockStartedAt: string | null;
  readonly contacts: readonly ContactFact[];
  readonly safeHours: SafeHours | null;
  /** Org policy (`contact.v1`). */
  readonly minHoursBetweenAttempts: number;
  /** The moment the plan is made for (the app's clock). */
  readonly now: string;
}

export interface ReachAttemptsProgress {
  readonly phone: number;
  readonly evening: number;
  readonly required: { readonly phone: number; readonly evening: number };
  /** The reach-attempt deadline; `null` while in triage. */
  readonly dueAt: string | null;
  /** The attempts meet the rule (a case may be closed as unreachable). */
  readonly met: boolean;
}

/** Where the next phone attempt should fall: `[from, to)`. */
export interface AttemptWindow {
  readonly from: string;
  readonly to: string;
  /** Every attempt still required must be an evening one, so this window is in the evening. */
  readonly evening: boolean;
}

export interface CallPlan {
  readonly reachAttempts: ReachAttemptsProgress;
  /** `null` unless the case is open and the person not reached. */
  readonly nextAttempt: AttemptWindow | null;
}

const HOUR_MS = 3_600_000;

/**
 * The reach-attempt progress and the window for the next phone call (contract v1.1). Pure: the
 * moment comes in as `now`. Following the windows, the attempts still required meet the rule.
 */
export function planCalls(input: CallPlanInput): CallPlan {
  const rules = input.terms ?? TRIAGE_ATTEMPT_RULES;
  const assessment = assessReachAttempts(input.contacts, rules);
  const deadlines = input.terms && input.clockStartedAt ? slaDeadlines(input.terms, input.clockStartedAt) : null;
  const reachAttempts: ReachAttemptsProgress = {
    phone: assessment.phoneAttempts,
    evening: assessment.eveningAttempts,
    required: { phone: rules.phoneAttemptsRequired, evening: rules.eveningAttemptsRequired },
    dueAt: deadlines?.reachAttemptsDueAt ?? null,
    met: assessment.met,
  };
  const nowMs = parseInstant(input.now);
  const reached = input.contacts.some((contact) => contact.reached);
  if (input.status !== 'open' || reached || input.terms === null || deadlines === null || nowMs === null) {
    return { reachAttempts, nextAttempt: null };
  }
  const stillPhone = Math.max(0, rules.phoneAttemptsRequired - assessment.phoneAttempts);
  const stillEvening = Math.max(0, rules.eveningAttemptsRequired - assessment.eveningAttempts);
  const lastCall = Math.max(...input.contacts.filter((c) => c.channel === 'phone').map((c) => Date.parse(c.at)), -Infinity);
  const contacted = input.contacts.some((contact) => contact.towardsPerson);
  const window = nextAttemptWindow({
    earliest: Math.max(nowMs, lastCall + input.minHoursBetweenAttempts * HOUR_MS),
    evening: stillEvening > 0 && stillEvening >= stillPhone,
    eveningWindow: input.terms.eveningWindow,
    safeHours: input.safeHours,
    firstContactDue: contacted ? null : Date.parse(deadlines.firstContactDueAt),
    timeZone: input.terms.timeZone,
  });
  return {
    reachAttempts,
    nextAttempt: window && { from: formatInstant(window.start), to: formatInstant(window.end), evening: window.evening },
  };
}
