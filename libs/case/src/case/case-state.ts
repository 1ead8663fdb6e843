import { SlaTerms } from '../config/sla-policy';
import { CaseOwner, OrgId } from '../shared/org';
import { Area, CaseSource, Crime, PersonFacts } from './case-facts';
import { CaseRouting, ClosureReason } from './case-events';
import { ContactChannel, ContactOutcome } from './contact';
import { PersonalData } from './personal-data';

export interface NoCase {
  readonly status: 'none';
}

export interface ContactFact {
  readonly channel: ContactChannel;
  readonly outcome: ContactOutcome;
  readonly at: string;
  readonly towardsPerson: boolean;
  readonly reached: boolean;
  readonly inEveningWindow: boolean;
}

/**
 * One deadline of the holder's current clock, and what its history recorded about it. A breach
 * event applies to the fact with the same rule and `dueAt` (a new clock brings new facts).
 */
export interface DeadlineFact {
  readonly dueAt: string;
  /** The recorded breach's `at` (= `dueAt`); `null` while no breach is recorded. */
  readonly missedAt: string | null;
  /** The `detectedAt` of the recorded breach. */
  readonly detectedAt: string | null;
  /** When a late-typed contact retracted the breach; `null` if it stands (or none is recorded). */
  readonly retractedAt: string | null;
}

/** A case received in triage and the city's line for it (see `startTriageWait`). */
export interface TriageWait {
  /** Received + `triageAlertHours`: from just after this instant it waits too long. */
  readonly alertAt: string;
  readonly triageAlertHours: number;
  readonly policyVersion: string;
  /** The recorded `TriageWaitExceeded`'s `at`; `null` while none is recorded. */
  readonly exceededAt: string | null;
}

/** The case's deadlines; both `null` while no clock runs (triage). */
export interface CaseDeadlines {
  readonly firstContact: DeadlineFact | null;
  readonly reachAttempts: DeadlineFact | null;
}

/** A case as its decider sees it, folded from the case's events. */
export interface CaseRecord {
  readonly status: 'open' | 'triage' | 'closed';
  readonly caseId: string;
  readonly org: CaseOwner;
  readonly source: CaseSource;
  readonly receivedAt: string;
  /** When the holder's service clock started: receipt, or triage resolution; `null` in triage. */
  readonly slaClockStartedAt: string | null;
  readonly sla: SlaTerms | null;
  readonly routing: CaseRouting;
  readonly linkSuggested: boolean;
  readonly anonymous: boolean;
  readonly crime: Crime;
  readonly person: PersonFacts;
  readonly area?: Area;
  readonly personalData: PersonalData | null;
  /** When the person's personal data was erased; absent while it is kept. */
  readonly erasedAt?: string;
  readonly assigneeId: string | null;
  readonly contacts: readonly ContactFact[];
  readonly deadlines: CaseDeadlines;
  /** Set for a case received in triage (it stays after resolution); `null` otherwise. */
  readonly triageWait: TriageWait | null;
  readonly linkedFrom?: { readonly caseId: string; readonly org: OrgId };
  readonly linkedTo?: { readonly caseId: string; readonly org: OrgId };
  readonly closure?: { readonly reason: ClosureReason; readonly at: string };
}

export type CaseState = NoCase | CaseRecord;

export const initialCaseState: CaseState = { status: 'none' };
