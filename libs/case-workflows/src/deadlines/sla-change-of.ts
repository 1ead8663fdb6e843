import { slaStatus, type CaseState } from '@referral/case';
import type { DomainEvent } from '../event-sourced-stream';
import type { SlaChange } from '../sla-changes';

type Change = SlaChange['change'];

/** What `event` changes in its case's deadline state as coordinators see it; null: nothing. */
export function changeOf(event: DomainEvent): Change | null {
  switch (event.type) {
    case 'FirstContactDeadlineMissed':
      return 'first-contact-missed';
    case 'ReachAttemptsDeadlineMissed':
      return 'reach-attempts-missed';
    case 'DeadlineBreachRetracted':
      return 'breach-retracted';
    case 'CaseClosed':
      return 'closed';
    case 'TriageWaitExceeded':
      return 'triage-waiting';
    case 'ContactRecorded':
      return (event.data as { towardsPerson?: boolean }).towardsPerson ? 'contacted' : null;
    default:
      return null;
  }
}

/**
 * The announcement of `event`, from its case as it stands after it (`state`) at `now`. A change
 * goes to the org the event names (a triage wait: `triage`, which only the city sees).
 */
export function slaChangeOf(event: DomainEvent, state: CaseState, now: string): SlaChange | null {
  const change = changeOf(event);
  if (change === null || state.status === 'none') return null;
  const data = event.data as { at: string; dueAt?: string; org: string };
  return {
    caseId: state.caseId,
    org: change === 'triage-waiting' ? data.org : state.org,
    // A triage case past the city's line is on the city's at-risk list until it is routed.
    slaState: change === 'triage-waiting' && state.status === 'triage' ? 'at-risk' : slaStatus(state, now),
    change,
    ...(data.dueAt ? { dueAt: data.dueAt } : {}),
    at: data.at,
  };
}

/** The key an event's change is logged under, whoever announces it: once per event. */
export const eventAnnouncementKey = (eventId: string) => `event:${eventId}`;
