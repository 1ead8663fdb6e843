import { SlaTerms } from '../config/sla-policy';
import { ReachAttemptsSummary } from './case-events';
import { ContactFact } from './case-state';

export interface ReachAttemptsAssessment extends ReachAttemptsSummary {
  /** What is still missing, in words, e.g. "2 of 3 phone attempts; none in the evening". */
  readonly missing: string | null;
}

export type AttemptRules = Pick<SlaTerms, 'phoneAttemptsRequired' | 'eveningAttemptsRequired'>;

/** A triage case has no terms of its own yet; the default commitment is the yardstick. */
export const TRIAGE_ATTEMPT_RULES: AttemptRules = { phoneAttemptsRequired: 3, eveningAttemptsRequired: 1 };

/**
 * The reach-attempt commitment: enough phone calls to the person (answered or not), enough of
 * them in the evening window. Evening membership was fixed when each contact was recorded.
 */
export function assessReachAttempts(contacts: readonly ContactFact[], rules: AttemptRules): ReachAttemptsAssessment {
  const calls = contacts.filter((contact) => contact.channel === 'phone');
  const phoneAttempts = calls.length;
  const eveningAttempts = calls.filter((call) => call.inEveningWindow).length;
  const gaps: string[] = [];
  if (phoneAttempts < rules.phoneAttemptsRequired) {
    gaps.push(`${phoneAttempts} of ${rules.phoneAttemptsRequired} phone attempts`);
  }
  if (eveningAttempts < rules.eveningAttemptsRequired) {
    gaps.push(
      eveningAttempts === 0
        ? 'none in the evening'
        : `${eveningAttempts} of ${rules.eveningAttemptsRequired} in the evening`,
    );
  }
  return { phoneAttempts, eveningAttempts, met: gaps.length === 0, missing: gaps.length ? gaps.join('; ') : null };
}
