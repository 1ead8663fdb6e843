import { TriageTerms } from '../config/sla-policy';
import { CaseState, TriageWait } from '../case/case-state';
import { formatInstant, parseInstant } from '../time/instant';

/**
 * The watch over a case received in triage: the line is `triageAlertHours` real hours after
 * receipt. `null` for a case not received in triage, or received before triage terms existed.
 */
export function startTriageWait(terms: TriageTerms | undefined, receivedAt: string): TriageWait | null {
  const receivedMs = parseInstant(receivedAt);
  if (terms === undefined || receivedMs === null) return null;
  return {
    alertAt: formatInstant(receivedMs + terms.triageAlertHours * 3_600_000),
    triageAlertHours: terms.triageAlertHours,
    policyVersion: terms.policyVersion,
    exceededAt: null,
  };
}

/**
 * The line a timer must watch: the case is still in triage and the wait is not recorded yet. Past
 * lines included (a check records them at once, at their true time).
 */
export function pendingTriageWait(state: CaseState): { readonly dueAt: string } | null {
  if (state.status !== 'triage' || state.triageWait === null || state.triageWait.exceededAt !== null) return null;
  return { dueAt: state.triageWait.alertAt };
}
