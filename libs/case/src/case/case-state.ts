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
  readonly assigneeId: string | null;
  readonly contacts: readonly ContactFact[];
  readonly linkedFrom?: { readonly caseId: string; readonly org: OrgId };
  readonly linkedTo?: { readonly caseId: string; readonly org: OrgId };
  readonly closure?: { readonly reason: ClosureReason; readonly at: string };
}

export type CaseState = NoCase | CaseRecord;

export const initialCaseState: CaseState = { status: 'none' };
