import type { CaseEvent } from './case/case-events';
import type { HandoverRefusedForConsent } from './intake/handover-refused-for-consent';
import type { SurveyEvent } from './survey/survey-events';
import type { TrainingEvent } from './training/training-events';
import type { VolunteerEvent } from './volunteer/volunteer-events';

/** Every event the domain records, whatever its stream. */
export type DomainEvent = CaseEvent | HandoverRefusedForConsent | SurveyEvent | VolunteerEvent | TrainingEvent;
export type DomainEventType = DomainEvent['type'];

/** Each wire name once; the compiler refuses the record if one is missing or unknown. */
const EVERY_TYPE: Record<DomainEventType, true> = {
  CaseReceived: true,
  TriageResolved: true,
  TriageWaitExceeded: true,
  VolunteerAssigned: true,
  VolunteerUnassigned: true,
  ContactRecorded: true,
  PersonLinked: true,
  CaseClosed: true,
  PersonalDataErased: true,
  ContactSafetyChanged: true,
  FirstContactDeadlineMissed: true,
  ReachAttemptsDeadlineMissed: true,
  DeadlineBreachRetracted: true,
  HandoverRefusedForConsent: true,
  SurveyAnswered: true,
  VolunteerRegistered: true,
  VolunteerDeactivated: true,
  VolunteerLanguagesChanged: true,
  TrainingHeld: true,
};

/** The wire names of every domain event (for checks that must cover them all). */
export const DOMAIN_EVENT_TYPES: readonly DomainEventType[] = Object.keys(EVERY_TYPE) as DomainEventType[];
