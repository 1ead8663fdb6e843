import { SlaTerms, TriageTerms } from '../config/sla-policy';
import { RoutingReason } from '../routing/route-case';
import { CaseOwner, OrgId } from '../shared/org';
import { Area, CaseSource, Crime, PersonFacts } from './case-facts';
import { ContactChannel, ContactOutcome } from './contact';
import { DeadlineEvent } from './deadline-events';
import { PersonalData } from './personal-data';
import { TriageWaitExceeded } from './triage-events';

export * from './deadline-events';
export * from './triage-events';

/**
 * The case stream's events (`case-<caseId>`). Wire names and fields are a contract with the HTTP
 * layer and the projections: add optional fields freely, never rename or repurpose one. Every
 * event has `caseId`, `org` (who holds the case when it happens) and `at` (when it happened,
 * UTC ISO-8601). Personal data appears only in `personalData` (see `personal-data.ts`).
 */
export type CaseEvent =
  | CaseReceived
  | TriageResolved
  | VolunteerAssigned
  | VolunteerUnassigned
  | ContactRecorded
  | PersonLinked
  | CaseClosed
  | PersonalDataErased
  | DeadlineEvent
  | TriageWaitExceeded;
export type CaseEventType = CaseEvent['type'];

export type AgeSource = 'personal-identity-number' | 'birth-date' | 'victim-birth-date';

export interface CaseRouting {
  readonly routedTo: CaseOwner;
  /** Why: a routing reason, or `registered` (the org took the case itself), or `linked`. */
  readonly reason: RoutingReason | 'registered' | 'linked';
  /** Age at receipt of the person the crime concerns (the victim, for a relative). */
  readonly subjectAge: number | null;
  readonly ageSource: AgeSource | null;
  /** The birth date and the personal identity number given disagree; the number was used. */
  readonly birthDateMismatch: boolean;
  readonly matchedArea?: { readonly municipality: string; readonly district?: string };
}

export interface CaseReceived {
  readonly type: 'CaseReceived';
  readonly data: {
    readonly caseId: string;
    readonly org: CaseOwner;
    /** `triage` when routing found no org; the case then waits for `TriageResolved`. */
    readonly status: 'open' | 'triage';
    readonly source: CaseSource;
    /** The moment received: `handedOverAt`, `receivedAt` of a registration, or the link's `at`. */
    readonly at: string;
    readonly handoverId?: string;
    readonly linkedFrom?: { readonly caseId: string; readonly org: OrgId };
    readonly routing: CaseRouting;
    readonly linkSuggested: boolean;
    readonly anonymous: boolean;
    readonly crime: Crime;
    readonly person: PersonFacts;
    /** The area as sent (see `routing.matchedArea` for current names). */
    readonly area?: Area;
    readonly consent?: { readonly subject: boolean; readonly guardian?: boolean; readonly recordedAt?: string };
    /** The holder's service commitments at receipt; `null` while in triage. */
    readonly sla: SlaTerms | null;
    /** In triage: the city's watch over the queue at receipt (absent in events written before it). */
    readonly triageTerms?: TriageTerms;
    readonly by?: string;
    readonly personalData: PersonalData | null;
  };
}

export interface TriageResolved {
  readonly type: 'TriageResolved';
  readonly data: {
    readonly caseId: string;
    /** The org the case now belongs to; its service commitments start at `at`. */
    readonly org: OrgId;
    readonly at: string;
    readonly linkSuggested: boolean;
    readonly sla: SlaTerms;
    readonly by?: string;
  };
}

export interface VolunteerAssigned {
  readonly type: 'VolunteerAssigned';
  readonly data: {
    readonly caseId: string;
    readonly org: OrgId;
    readonly volunteerId: string;
    readonly previousVolunteerId?: string;
    readonly at: string;
    readonly by?: string;
  };
}

/** The case was taken back from its volunteer and waits for someone to take it. */
export interface VolunteerUnassigned {
  readonly type: 'VolunteerUnassigned';
  readonly data: {
    readonly caseId: string;
    readonly org: OrgId;
    /** Who held it until now. */
    readonly volunteerId: string;
    readonly at: string;
    readonly by?: string;
  };
}

export interface ContactRecorded {
  readonly type: 'ContactRecorded';
  readonly data: {
    readonly caseId: string;
    readonly org: OrgId;
    readonly channel: ContactChannel;
    readonly outcome: ContactOutcome;
    /** When the interaction happened (may be well before `recordedAt`). */
    readonly at: string;
    /** When it was recorded. */
    readonly recordedAt: string;
    /** False for a contact with another actor: it does not meet the first-contact commitment. */
    readonly towardsPerson: boolean;
    readonly reached: boolean;
    /** `at` falls in the case's evening window (local time). */
    readonly inEveningWindow: boolean;
    readonly by?: string;
    readonly personalData?: PersonalData;
  };
}

export interface PersonLinked {
  readonly type: 'PersonLinked';
  readonly data: {
    readonly caseId: string;
    /** The org that links (the holder of this case). */
    readonly org: OrgId;
    /** The org that receives the person; a new case `linkedCaseId` opens there. */
    readonly to: OrgId;
    readonly linkedCaseId: string;
    readonly at: string;
    readonly by?: string;
    readonly personalData?: PersonalData;
  };
}

export type ClosureReason = 'support-given' | 'declined' | 'unreachable' | 'linked' | 'duplicate' | 'other';
export const CLOSURE_REASONS: readonly ClosureReason[] = [
  'support-given', 'declined', 'unreachable', 'linked', 'duplicate', 'other',
];

export interface CaseClosed {
  readonly type: 'CaseClosed';
  readonly data: {
    readonly caseId: string;
    readonly org: CaseOwner;
    readonly reason: ClosureReason;
    readonly at: string;
    /** The reach-attempt rule as it stood at closing. */
    readonly reachAttempts: ReachAttemptsSummary;
    /**
     * A coordinator overrode the reach-attempt rule. The reason is free text, so it is in
     * `personalData.overrideReason`; `reason` here is only in events written before that.
     */
    readonly override?: { readonly reason?: string };
    /**
     * The satisfaction survey offered at closing: its id (a keyed hash of the token, never the
     * token) and the end of its validity. The token itself is in `personalData.surveyToken`.
     */
    readonly survey?: { readonly surveyId: string; readonly expiresAt: string };
    readonly by?: string;
    readonly personalData?: PersonalData;
  };
}

export interface ReachAttemptsSummary {
  readonly phoneAttempts: number;
  readonly eveningAttempts: number;
  readonly met: boolean;
}

/**
 * The person's personal data in this case was erased: every sealed copy (in this stream and in
 * the read models) is unreadable from now on. The facts without personal data stay.
 */
export interface PersonalDataErased {
  readonly type: 'PersonalDataErased';
  readonly data: {
    readonly caseId: string;
    readonly org: CaseOwner;
    readonly at: string;
    readonly reason: string;
    readonly by?: string;
  };
}
