import type { CaseView, HistoryEntry } from '../api/types';

/** Channels that are an interaction with the person (a contact with another actor is not). */
const towardsPerson = (entry: HistoryEntry) => entry.type === 'ContactRecorded' && entry.channel !== 'other-actor';

/** Somebody has interacted with the person (any channel, answered or not): the first contact is made. */
export function firstContactMade(history: readonly HistoryEntry[]): boolean {
  return history.some(towardsPerson);
}

/** The person has been reached (meetings and accompaniments are recorded as reached). */
export function personReached(history: readonly HistoryEntry[]): boolean {
  return history.some((entry) => towardsPerson(entry) && entry.outcome === 'reached');
}

export type PendingDeadline = { rule: 'first-contact' | 'reach-attempts'; dueAt: string };

/**
 * The deadline the case is working towards now, as the worklist orders by it (contract v1.1):
 * the first contact while nobody has been contacted, then the reach-attempt rule while the
 * person is not reached and the rule not met; none for a closed case or one that is done.
 */
export function pendingDeadline(view: Pick<CaseView, 'status' | 'firstContactDueAt' | 'history' | 'reachAttempts'>): PendingDeadline | null {
  if (view.status !== 'open') return null;
  if (!firstContactMade(view.history)) return view.firstContactDueAt ? { rule: 'first-contact', dueAt: view.firstContactDueAt } : null;
  if (personReached(view.history) || view.reachAttempts.met || !view.reachAttempts.dueAt) return null;
  return { rule: 'reach-attempts', dueAt: view.reachAttempts.dueAt };
}

/** Phone and evening attempts still needed before the reach-attempt rule holds (never below zero). */
export function attemptsStillNeeded(reach: CaseView['reachAttempts']): { phone: number; evening: number } {
  return {
    phone: Math.max(0, reach.required.phone - reach.phone),
    evening: Math.max(0, reach.required.evening - reach.evening),
  };
}
