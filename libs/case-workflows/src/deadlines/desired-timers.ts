import { pendingDeadlines, pendingTriageWait, slaDeadlines, type CaseState } from '@referral/case';
import type { DeadlineTimer } from '@referral/deadline-timers';

/**
 * The timers a case should have armed: one per deadline that could still be breached, and one at
 * the start of the at-risk window while nobody has contacted the person yet, and one at the city's
 * line while a triage case waits unrouted and its wait is not recorded.
 */
export function desiredTimers(state: CaseState): DeadlineTimer[] {
  if (state.status === 'none') return [];
  const timers: DeadlineTimer[] = pendingDeadlines(state).map((p) => ({ caseId: state.caseId, kind: p.rule, dueAt: p.dueAt }));
  const triageWait = pendingTriageWait(state);
  if (triageWait) timers.push({ caseId: state.caseId, kind: 'triage-wait', dueAt: triageWait.dueAt });
  const contacted = state.contacts.some((c) => c.towardsPerson);
  if (state.status === 'open' && !contacted && state.sla && state.slaClockStartedAt) {
    const due = slaDeadlines(state.sla, state.slaClockStartedAt);
    if (due) timers.push({ caseId: state.caseId, kind: 'at-risk', dueAt: due.atRiskFrom });
  }
  return timers;
}

/** Every timer the case could ever have had, for cancelling those no longer desired. */
export function possibleTimers(state: CaseState): DeadlineTimer[] {
  if (state.status === 'none') return [];
  const triageWait: DeadlineTimer[] = state.triageWait
    ? [{ caseId: state.caseId, kind: 'triage-wait', dueAt: state.triageWait.alertAt }]
    : [];
  if (!state.sla || !state.slaClockStartedAt) return triageWait;
  const due = slaDeadlines(state.sla, state.slaClockStartedAt);
  if (!due) return triageWait;
  return [
    ...triageWait,
    { caseId: state.caseId, kind: 'first-contact', dueAt: due.firstContactDueAt },
    { caseId: state.caseId, kind: 'reach-attempts', dueAt: due.reachAttemptsDueAt },
    { caseId: state.caseId, kind: 'at-risk', dueAt: due.atRiskFrom },
  ];
}
