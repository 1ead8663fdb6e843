import { slaStatus } from '@referral/case';
import type { EventStore, RecordedEvent } from '@referral/event-store';
import type { Reaction } from '../reactor';
import type { SlaChange, SlaChangePublisher } from '../sla-changes';
import { loadCase } from './case-history';

type Change = SlaChange['change'];

function changeOf(event: RecordedEvent): Change | null {
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
 * Tells coordinators, live, each recorded change of a case's deadline state. A change goes to the
 * org the event names (a triage wait: `triage`, which only the city sees), under the event's id.
 */
export function slaChangeReaction(store: EventStore, publisher: SlaChangePublisher, clock: { now(): Date }): Reaction {
  return {
    name: 'sla-changes',
    startAtHead: true,
    handles: new Set([
      'FirstContactDeadlineMissed', 'ReachAttemptsDeadlineMissed', 'DeadlineBreachRetracted', 'CaseClosed', 'ContactRecorded',
      'TriageWaitExceeded',
    ]),
    react: async (event) => {
      const change = changeOf(event);
      if (change === null) return;
      const state = await loadCase(store, String((event.data as { caseId: string }).caseId));
      if (state.status === 'none') return;
      const data = event.data as { at: string; dueAt?: string; org: string };
      await publisher.publish({
        caseId: state.caseId,
        org: change === 'triage-waiting' ? data.org : state.org,
        // A triage case past the city's line is on the city's at-risk list until it is routed.
        slaState: change === 'triage-waiting' && state.status === 'triage' ? 'at-risk' : slaStatus(state, clock.now().toISOString()),
        change,
        ...(data.dueAt ? { dueAt: data.dueAt } : {}),
        at: data.at,
      }, `event:${event.id}`);
    },
  };
}
