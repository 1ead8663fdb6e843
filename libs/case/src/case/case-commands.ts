import { CoveragePolicy } from '../config/coverage-policy';
import { SlaPolicy } from '../config/sla-policy';
import { OrgId } from '../shared/org';
import { Area, Crime, PersonFacts } from './case-facts';
import { CaseRouting, ClosureReason } from './case-events';
import { ContactChannel, ContactOutcome } from './contact';
import { CrimeInput, Handover, PersonInput } from './intake-input';
import { PersonalData } from './personal-data';

/**
 * Commands to the case decider. Times are ISO-8601 instants with offset; `now` is the app's
 * clock at the moment of the command (the domain has none). `by` is the acting user's id.
 * Policies travel in the commands that start a service clock.
 */
export type CaseCommand =
  | ReceiveHandover
  | RegisterCase
  | ResolveTriage
  | AssignVolunteer
  | UnassignVolunteer
  | RecordContact
  | LinkToOtherParty
  | OpenLinkedCase
  | CloseCase
  | CheckDeadlines
  | CheckTriageWait
  | ErasePersonalData;

export interface ReceiveHandover {
  readonly type: 'ReceiveHandover';
  readonly caseId: string;
  readonly handover: Handover;
  readonly now: string;
  readonly coverage: CoveragePolicy;
  readonly sla: SlaPolicy;
  readonly by?: string;
}

export interface RegisterCase {
  readonly type: 'RegisterCase';
  readonly caseId: string;
  /** The registering org; the case is theirs whatever the routing rule would say. */
  readonly org: OrgId;
  readonly source: 'self-referral' | 'other-actor';
  readonly receivedAt: string;
  readonly now: string;
  readonly crime: CrimeInput;
  readonly person: PersonInput;
  readonly victimBirthDate?: string;
  readonly area?: Area;
  /** An anonymous person carries no name, number or contact data. */
  readonly anonymous?: boolean;
  readonly note?: string;
  readonly sla: SlaPolicy;
  readonly by?: string;
}

export interface ResolveTriage {
  readonly type: 'ResolveTriage';
  readonly caseId: string;
  readonly routeTo: OrgId;
  readonly at: string;
  readonly sla: SlaPolicy;
  readonly by?: string;
}

export interface AssignVolunteer {
  readonly type: 'AssignVolunteer';
  readonly caseId: string;
  /**
   * The volunteer as the app found them (see `isVolunteerActiveOn`); `basicTrainingPassed` false
   * for one registered as pending whom no basic session has listed yet.
   */
  readonly volunteer: { readonly id: string; readonly org: OrgId; readonly active: boolean; readonly basicTrainingPassed: boolean };
  readonly at: string;
  readonly by?: string;
}

/** Takes the case back from its volunteer; nothing to do when nobody holds it. */
export interface UnassignVolunteer {
  readonly type: 'UnassignVolunteer';
  readonly caseId: string;
  readonly at: string;
  readonly by?: string;
}

export interface RecordContact {
  readonly type: 'RecordContact';
  readonly caseId: string;
  readonly channel: ContactChannel;
  readonly outcome: ContactOutcome;
  readonly at: string;
  readonly now: string;
  readonly note?: string;
  readonly by?: string;
}

export interface LinkToOtherParty {
  readonly type: 'LinkToOtherParty';
  readonly caseId: string;
  readonly to: OrgId;
  /** The person agreed that their contact details are passed on. */
  readonly consent: boolean;
  /** Id of the case that opens at the receiver. */
  readonly linkedCaseId: string;
  readonly at: string;
  readonly now: string;
  readonly note?: string;
  readonly by?: string;
}

/** Opens the receiver's case after `PersonLinked`; build it with `openLinkedCaseCommand`. */
export interface OpenLinkedCase {
  readonly type: 'OpenLinkedCase';
  readonly caseId: string;
  readonly from: { readonly caseId: string; readonly org: OrgId };
  readonly to: OrgId;
  readonly at: string;
  readonly crime: Crime;
  readonly person: PersonFacts;
  readonly area?: Area;
  readonly anonymous: boolean;
  readonly sourceRouting: CaseRouting;
  readonly personalData: PersonalData | null;
  readonly sla: SlaPolicy;
  readonly by?: string;
}

export interface CloseCase {
  readonly type: 'CloseCase';
  readonly caseId: string;
  readonly reason: ClosureReason;
  readonly at: string;
  readonly now: string;
  /** A coordinator's override of the reach-attempt rule (the app checks the role). */
  readonly override?: { readonly reason: string };
  /**
   * The satisfaction survey the app made for this closing (a random token and its keyed id);
   * offered only when the reason is `support-given` and the case's personal data is not erased.
   */
  readonly survey?: { readonly surveyId: string; readonly token: string };
  readonly by?: string;
}

/**
 * Records what the facts say about the case's deadlines at `now`: each breach whose due time has
 * passed, with its true due time, exactly once. Sent by timers and reconciliation, possibly
 * early, late or twice; nothing to do answers `{ok: true, events: []}`.
 */
export interface CheckDeadlines {
  readonly type: 'CheckDeadlines';
  readonly caseId: string;
  /** The app's clock (ISO instant). */
  readonly now: string;
}

/**
 * Records that a triage case waits past the city's line (`triageAlertHours` after receipt), once,
 * at the line's instant. Sent by the triage-wait timer and reconciliation, possibly early, late or
 * twice; nothing to do answers `{ok: true, events: []}`.
 */
export interface CheckTriageWait {
  readonly type: 'CheckTriageWait';
  readonly caseId: string;
  /** The app's clock (ISO instant). */
  readonly now: string;
}

/**
 * Erase the person's personal data for good (crypto-shredding happens outside the domain, on the
 * event this produces). Closed cases too: retention erases them after closing.
 */
export interface ErasePersonalData {
  readonly type: 'ErasePersonalData';
  readonly caseId: string;
  /** Why, as the coordinator gives it, or `retention` for the scheduled erasure. */
  readonly reason: string;
  readonly now: string;
  readonly by?: string;
}
