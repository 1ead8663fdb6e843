import { SlaTerms } from '../config/sla-policy';
import { DeadlineRule } from '../case/deadline-events';
import { CaseRecord, ContactFact } from '../case/case-state';
import { assessReachAttempts } from '../case/reach-attempts';

/**
 * What a case's facts say about one deadline, counting only what happened at or before the due
 * instant (a contact or a closure exactly at `dueAt` is on time). Instants compare as instants.
 */
const atOrBefore = (instant: string, dueMs: number): boolean => Date.parse(instant) <= dueMs;

/** The first contact towards the person at or before `dueAt`, if any. */
export const firstContactBy = (contacts: readonly ContactFact[], dueAt: string): ContactFact | undefined =>
  contacts.find((contact) => contact.towardsPerson && atOrBefore(contact.at, Date.parse(dueAt)));

export interface ReachStanding {
  /** The person was reached, or the reach-attempt rule holds. */
  readonly holds: boolean;
  readonly reached: boolean;
  readonly phoneAttempts: number;
  readonly eveningAttempts: number;
}

/** The reach-attempt commitment at `dueAt`: reached, or enough (evening) phone attempts by then. */
export function reachStandingBy(
  contacts: readonly ContactFact[],
  terms: Pick<SlaTerms, 'phoneAttemptsRequired' | 'eveningAttemptsRequired'>,
  dueAt: string,
): ReachStanding {
  const dueMs = Date.parse(dueAt);
  const onTime = contacts.filter((contact) => atOrBefore(contact.at, dueMs));
  const reached = onTime.some((contact) => contact.reached);
  const { met, phoneAttempts, eveningAttempts } = assessReachAttempts(onTime, terms);
  return { holds: reached || met, reached, phoneAttempts, eveningAttempts };
}

/** The case was closed at or before `dueAt`: the commitment no longer applied when it fell due. */
export const closedBy = (record: CaseRecord, dueAt: string): boolean =>
  record.closure !== undefined && atOrBefore(record.closure.at, Date.parse(dueAt));

/** The rule is met by the facts at `dueAt`, given the contacts (the case's, or with one more). */
export function ruleMetBy(
  rule: DeadlineRule,
  contacts: readonly ContactFact[],
  terms: SlaTerms,
  dueAt: string,
): boolean {
  return rule === 'first-contact'
    ? firstContactBy(contacts, dueAt) !== undefined
    : reachStandingBy(contacts, terms, dueAt).holds;
}
