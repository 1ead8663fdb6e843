import type { EventStore } from '@referral/event-store';
import type { Reaction } from '../reactor';
import type { SlaChangePublisher } from '../sla-changes';
import { loadCase } from './case-history';
import { changeOf, eventAnnouncementKey, slaChangeOf } from './sla-change-of';

/** What a deadline check appends, and so may have announced already (DeadlineChecker). */
const ANNOUNCED_AT_CHECK = new Set(['FirstContactDeadlineMissed', 'ReachAttemptsDeadlineMissed', 'DeadlineBreachRetracted', 'TriageWaitExceeded']);

/**
 * Tells coordinators, live, each recorded change of a case's deadline state, under the event's
 * id. The deadline checker announces the breaches it records itself, at once; for those this is
 * the backstop (it publishes again what was logged, in case the checker died before Redis).
 * What only commands append (a contact, a closing) is announced here alone: no look for an earlier
 * announcement first (publish keeps the first id of a key it logged before a crash, and sends it).
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
      if (ANNOUNCED_AT_CHECK.has(event.type) && (await publisher.publishAgain(key))) return;
      const state = await loadCase(store, String((event.data as { caseId: string }).caseId));
      const change = slaChangeOf(event, state, clock.now().toISOString());
      if (change) await publisher.publish(change, key);
    },
  };
}
