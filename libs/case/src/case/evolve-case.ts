import { evolveDeadlines, startDeadlines } from '../deadlines/deadline-facts';
import { startTriageWait } from '../triage/triage-wait';
import { CaseEvent } from './case-events';
import { CaseRecord, CaseState } from './case-state';

/** Folds one event into the case. Pure and total: an event that does not apply changes nothing. */
export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'CaseReceived') {
    const d = event.data;
    return {
      status: d.status,
      caseId: d.caseId,
      org: d.org,
      source: d.source,
      receivedAt: d.at,
      slaClockStartedAt: d.status === 'open' ? d.at : null,
      sla: d.sla,
      routing: d.routing,
      linkSuggested: d.linkSuggested,
      anonymous: d.anonymous,
      crime: d.crime,
      person: d.person,
      ...(d.area ? { area: d.area } : {}),
      personalData: d.personalData,
      assigneeId: null,
      contacts: [],
      deadlines: startDeadlines(d.status === 'open' ? d.sla : null, d.at),
      triageWait: d.status === 'triage' ? startTriageWait(d.triageTerms, d.at) : null,
      ...(d.linkedFrom ? { linkedFrom: d.linkedFrom } : {}),
    };
  }
  if (state.status === 'none') return state;
  return evolveExisting(state, event);
}

function evolveExisting(state: CaseRecord, event: Exclude<CaseEvent, { type: 'CaseReceived' }>): CaseRecord {
  switch (event.type) {
    case 'TriageResolved':
      return {
        ...state,
        status: 'open',
        org: event.data.org,
        sla: event.data.sla,
        slaClockStartedAt: event.data.at,
        linkSuggested: event.data.linkSuggested,
        deadlines: startDeadlines(event.data.sla, event.data.at),
      };
    case 'VolunteerAssigned':
      return { ...state, assigneeId: event.data.volunteerId };
    case 'VolunteerUnassigned':
      return { ...state, assigneeId: null };
    case 'ContactRecorded': {
      const { channel, outcome, at, towardsPerson, reached, inEveningWindow } = event.data;
      return { ...state, contacts: [...state.contacts, { channel, outcome, at, towardsPerson, reached, inEveningWindow }] };
    }
    case 'PersonLinked':
      return { ...state, linkedTo: { caseId: event.data.linkedCaseId, org: event.data.to } };
    case 'CaseClosed':
      return { ...state, status: 'closed', closure: { reason: event.data.reason, at: event.data.at } };
    case 'PersonalDataErased':
      return { ...state, personalData: null, erasedAt: event.data.at };
    case 'FirstContactDeadlineMissed':
    case 'ReachAttemptsDeadlineMissed':
    case 'DeadlineBreachRetracted':
      return { ...state, deadlines: evolveDeadlines(state.deadlines, event) };
    case 'TriageWaitExceeded':
      return state.triageWait === null || state.triageWait.exceededAt !== null
        ? state
        : { ...state, triageWait: { ...state.triageWait, exceededAt: event.data.at } };
  }
}
