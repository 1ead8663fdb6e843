import type { CaseEvent } from '@referral/case';
import { deadlineHistoryEntry } from '../sla/sla-events';

/** One line of a case's history as a user reads it: `{type, at, ...facts}`. */
export interface CaseHistoryEntry {
  readonly type: string;
  readonly at: string;
  readonly [fact: string]: unknown;
}

/**
 * The facts a user needs from each case event. Never the store's ids (event id, revision,
 * position). A recorded breach and its retraction are shown too (issue 4: "visibly"). A note is the
 * user's own text, so it is shown here, and only here, once opened; so is an override's reason.
 */
export function caseHistoryEntry(event: CaseEvent): CaseHistoryEntry {
  const { type } = event;
  const by = event.data.by === undefined ? {} : { by: event.data.by };
  switch (event.type) {
    case 'CaseReceived': {
      const { data } = event;
      return {
        type, at: data.at, source: data.source, routedTo: data.routing.routedTo, status: data.status,
        reason: data.routing.reason, ...(data.linkedFrom ? { linkedFrom: data.linkedFrom } : {}), ...by,
      };
    }
    case 'TriageResolved':
      return { type, at: event.data.at, routedTo: event.data.org, ...by };
    case 'VolunteerAssigned': {
      const { data } = event;
      const previous = data.previousVolunteerId === undefined ? {} : { previousVolunteerId: data.previousVolunteerId };
      return { type, at: data.at, volunteerId: data.volunteerId, ...previous, ...by };
    }
    case 'VolunteerUnassigned':
      return { type, at: event.data.at, volunteerId: event.data.volunteerId, ...by };
    case 'ContactRecorded': {
      const { data } = event;
      return {
        type, at: data.at, channel: data.channel, outcome: data.outcome, recordedAt: data.recordedAt,
        ...sealedPart(data.personalData), ...by,
      };
    }
    case 'PersonLinked':
      return { type, at: event.data.at, to: event.data.to, linkedCaseId: event.data.linkedCaseId, ...sealedPart(event.data.personalData), ...by };
    case 'PersonalDataErased':
      return { type, at: event.data.at, reason: event.data.reason, ...by };
    case 'CaseClosed': {
      const { data } = event;
      if (!data.override) return { type, at: data.at, reason: data.reason, ...by };
      // Written before the reason was sealed: kept the same way, so it too is hidden after erasure.
      const legacyReason = data.override.reason === undefined ? undefined : { overrideReason: data.override.reason };
      return { type, at: data.at, reason: data.reason, override: {}, ...sealedPart(data.personalData ?? legacyReason), ...by };
    }
    case 'FirstContactDeadlineMissed':
    case 'ReachAttemptsDeadlineMissed':
    case 'DeadlineBreachRetracted':
      return deadlineHistoryEntry(event);
    case 'TriageWaitExceeded': {
      // What the city sees: received then, still not routed this many hours later.
      const { data } = event;
      return { type, at: data.at, receivedAt: data.receivedAt, hoursWaited: data.triageAlertHours, detectedAt: data.detectedAt };
    }
  }
}

/**
 * The entry keeps the event's personal data as the store holds it (sealed), under
 * `personalData`; `revealCaseParts` turns it into the `note` or the override's `reason` a user
 * reads, or marks it erased.
 */
function sealedPart(personal: unknown): { personalData?: unknown } {
  return personal === undefined || personal === null ? {} : { personalData: personal };
}
