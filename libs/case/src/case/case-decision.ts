import { HandoverRefusedForConsent } from '../intake/handover-refused-for-consent';
import { DomainError } from '../shared/domain-error';
import { CaseEvent } from './case-events';

/**
 * The case decider's answer. A handover refused for consent also carries the refusal fact, which
 * the app records (without personal data) in a stream of its own before answering 422.
 */
export type CaseDecision =
  | { readonly ok: true; readonly events: readonly CaseEvent[] }
  | { readonly ok: false; readonly error: DomainError; readonly refusal?: HandoverRefusedForConsent };
