import type { EventStore } from '@referral/event-store';
import type { Reaction } from '../reactor';
import type { SlaChangePublisher } from '../sla-changes';
import { loadCase } from './case-history';
import { changeOf, eventAnnouncementKey, slaChangeOf } from './sla-change-of';

/**
 * Tells coordinators, live, each recorded change of a case's deadline state, under the event's
 * id. The deadline checker announces the breaches it records itself, at once; for those this is
 * the backstop (it publishes again what was logged, in case the checker died before Redis).
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
      if (changeOf(event) === null) return;
      const key = eventAnnouncementKey(event.id);
      if (await publisher.publishAgain(key)) return;
      const state = await loadCase(store, String((event.data as { caseId: string }).caseId));
      const change = slaChangeOf(event, state, clock.now().toISOString());
      if (change) await publisher.publish(change, key);
    },
  };
}
