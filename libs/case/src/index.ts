// Public API of @referral/case: the case lifecycle as pure deciders over plain data.

export type { Result } from './shared/result';
export type { Decision } from './shared/decision';
export type { DomainError, DomainErrorCode, FieldProblem } from './shared/domain-error';
export { ORG_IDS, isOrgId, isJour } from './shared/org';
export type { OrgId, JourId, CaseOwner } from './shared/org';

export { STOCKHOLM, localDateOf, localDateTimeOf, instantOfLocal, addLocalCalendarDays } from './time/zoned-time';
export type { LocalDateTime } from './time/zoned-time';
export { parseCalendarDate, formatCalendarDate, calendarDateOf, addDays, daysBetween, shiftDate } from './time/calendar-date';
export type { CalendarDate } from './time/calendar-date';
export { parseInstant, normaliseInstant } from './time/instant';

export { parsePersonalIdentityNumber } from './identity/personal-identity-number';
export type {
  PersonalIdentityNumber,
  PersonalIdentityNumberError,
  PersonalIdentityNumberKind,
} from './identity/personal-identity-number';
export { ageOn, ageAt } from './identity/age';

export { parseCoveragePolicy } from './config/coverage-policy';
export type { CoveragePolicy, OrgInfo } from './config/coverage-policy';
export { parseSlaPolicy } from './config/sla-policy';
export { DEFAULT_TRIAGE_ALERT_HOURS } from './config/sla-policy';
export type { SlaPolicy, SlaTerms, TriageTerms } from './config/sla-policy';
export { InvalidPolicyError } from './config/invalid-policy-error';
export { defaultContactPolicy, defaultCoveragePolicy, defaultSlaPolicy } from './config/default-policies';
export { parseContactPolicy } from './config/contact-policy';
export type { ContactPolicy, ContactTerms, SharedOpenEvening } from './config/contact-policy';
export { placeKey } from './config/place-name';

export { routeCase, YOUTH_AGE_LIMIT } from './routing/route-case';
export type { RoutingOutcome, RoutingReason } from './routing/route-case';
export { resolveArea } from './routing/resolve-area';
export type { ResolvedArea } from './routing/resolve-area';
export { missingConsent, GUARDIAN_CONSENT_BELOW_AGE } from './routing/consent';
export type { MissingConsent } from './routing/consent';
export { readBirthFacts } from './routing/birth-facts';
export type { BirthFacts } from './routing/birth-facts';

export * from './case/case-facts';
export * from './case/contact';
export type { PersonalData } from './case/personal-data';
export { mapPersonalData, PERSONAL_DATA_FIELD } from './case/personal-data';
export type { Handover, PersonInput, CrimeInput, ConsentInput } from './case/intake-input';
export * from './case/case-events';
export type * from './case/case-commands';
export type { CaseState, CaseRecord, NoCase, ContactFact, CaseDeadlines, DeadlineFact, TriageWait } from './case/case-state';
export { initialCaseState } from './case/case-state';
export type { CaseDecision } from './case/case-decision';
export { decideCase } from './case/decide-case';
export { evolveCase } from './case/evolve-case';
export { caseDecider } from './case/case-decider';
export { openLinkedCaseCommand } from './case/handlers/open-linked-case';
export { assessReachAttempts } from './case/reach-attempts';
export type { ReachAttemptsAssessment } from './case/reach-attempts';
export { isInEveningWindow } from './case/evening-window';
export { defaultContactSafety, checkSafeHours } from './case/contact-safety';
export type { ContactSafety, SafeHours } from './case/contact-safety';
export { normalisePoliceReportNumber } from './case/police-report-number';
export { planCalls } from './planning/call-plan';
export type { CallPlan, CallPlanInput, AttemptWindow, ReachAttemptsProgress } from './planning/call-plan';
export { nextSharedOpenEvening } from './planning/shared-open-evening';
export type { OpenEveningOccurrence } from './planning/shared-open-evening';

export type { HandoverRefusedForConsent } from './intake/handover-refused-for-consent';

export type * from './volunteer/volunteer-events';
export type * from './volunteer/volunteer-commands';
export type { VolunteerState } from './volunteer/volunteer-state';
export { initialVolunteerState, evolveVolunteer, isVolunteerActiveOn } from './volunteer/volunteer-state';
export { decideVolunteer } from './volunteer/decide-volunteer';
export { volunteerDecider } from './volunteer/volunteer-decider';
export { ISO_639_1_CODES, DEFAULT_LANGUAGES, languageProblems } from './volunteer/languages';

export type * from './training/training-events';
export { TRAINING_KINDS } from './training/training-events';
export type { RecordTraining } from './training/training-commands';
export type { TrainingState } from './training/decide-training';
export { decideTraining, evolveTraining, initialTrainingState, trainingDecider } from './training/decide-training';

export { slaDeadlines } from './deadlines/sla-deadlines';
export type { SlaDeadlines } from './deadlines/sla-deadlines';
export { pendingDeadlines } from './deadlines/pending-deadlines';
export type { PendingDeadline } from './deadlines/pending-deadlines';
export { slaStatus, hasStandingBreach } from './deadlines/sla-status';
export type { SlaStatus } from './deadlines/sla-status';
export { firstContactBy, reachStandingBy } from './deadlines/deadline-rules';
export type { ReachStanding } from './deadlines/deadline-rules';
export { startTriageWait, pendingTriageWait } from './triage/triage-wait';

export { SURVEY_QUESTIONS, SURVEY_VALID_DAYS, isSurveyQuestion, scoreProblems, surveyExpiry } from './survey/survey-rules';
export type { SurveyQuestion, SurveyScores } from './survey/survey-rules';
export type { SurveyAnswered, SurveyEvent, SurveyOffer, AnswerSurvey, SurveyState } from './survey/survey-events';
export { initialSurveyState, evolveSurvey } from './survey/survey-events';
export { decideSurveyAnswer } from './survey/decide-survey-answer';
export { surveyDecider } from './survey/survey-decider';

export { DOMAIN_EVENT_TYPES } from './event-types';
export type { DomainEvent, DomainEventType } from './event-types';
