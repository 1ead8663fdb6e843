import { caseDecider, type CaseEvent, type CaseState } from '@referral/case';
import type { EventStore, RecordedEvent } from '@referral/event-store';
import type { DeadlineTimers } from '@referral/deadline-timers';
import type { Reaction } from '../reactor';
import { loadCase } from './case-history';
import { desiredTimers, possibleTimers } from './desired-timers';

const CASE_EVENTS = new Set([
  'CaseReceived', 'TriageResolved', 'ContactRecorded', 'CaseClosed',
  'FirstContactDeadlineMissed', 'ReachAttemptsDeadlineMissed', 'DeadlineBreachRetracted', 'TriageWaitExceeded',
]);

/**
 * Keeps each case's timers in line with its facts: armed when a clock starts (receipt, triage
 * resolution, a link) or a case lands in triage, cancelled when a contact, a closure, a triage
 * resolution or a recorded breach or triage wait makes them moot.
 * Arming is idempotent (deterministic job ids), so replaying events is harmless.
 * A case's first event is its whole history when it is read from the feed as it is written, so
 * its timers come from that event without reading the stream; any later event that changes them
 * comes by here too, in order, and sets them from the stream as it then is.
 */
export function deadlineTimerReaction(store: EventStore, timers: DeadlineTimers): Reaction {
  return {
    name: 'deadline-timers',
    handles: CASE_EVENTS,
    react: async (event) => {
      const state = opensTheCase(event) ?? (await loadCase(store, String((event.data as { caseId: string }).caseId)));
      const wanted = desiredTimers(state);
      const key = (t: { kind: string; dueAt: string }) => `${t.kind}@${t.dueAt}`;
      const wantedKeys = new Set(wanted.map(key));
      for (const timer of possibleTimers(state)) if (!wantedKeys.has(key(timer))) await timers.cancel(timer);
      // The timer carries the ids of the event that armed it, for its fire log line and the check's events.
      const trace = { correlationId: event.metadata.correlationId, causationId: event.id };
      for (const timer of wanted) await timers.arm({ ...timer, ...trace });
    },
  };
}

/** The case as its first event leaves it, or null for any later event. */
function opensTheCase(event: RecordedEvent): CaseState | null {
  if (event.type !== 'CaseReceived' || event.revision !== 0) return null;
  return caseDecider.evolve(caseDecider.initialState, { type: event.type, data: event.data } as unknown as CaseEvent);
}
