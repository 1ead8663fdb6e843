/** The API's shapes the app reads (contract v1 and v1.1); fields it does not use are left out. */
export type CaseStatus = 'open' | 'closed' | 'triage';
export type SlaState = 'ok' | 'at-risk' | 'breached';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CaseListItem {
  caseId: string;
  org: string;
  status: CaseStatus;
  source: string;
  receivedAt: string;
  assigneeId: string | null;
  slaState: SlaState;
  linkSuggested: boolean;
  firstContactDueAt: string | null;
}

export interface Person {
  role?: string;
  givenName?: string;
  familyName?: string;
  personalIdentityNumber?: string;
  birthDate?: string;
  gender?: string;
  genderLabel?: string;
  phone?: string;
  email?: string;
  preferredLanguage?: string;
  interpreterNeeded?: boolean;
  /** "erased" once the person's data is erased. */
  personalData?: string;
  [other: string]: unknown;
}

export interface ReachAttempts {
  phone: number;
  evening: number;
  required: { phone: number; evening: number };
  dueAt: string | null;
  met: boolean;
}

export interface NextAttempt {
  from: string;
  to: string;
  evening: boolean;
}

export interface ContactSafety {
  mayLeaveMessage: boolean;
  safeHours: { from: string; to: string } | null;
  note?: string;
}

export interface HistoryEntry {
  type: string;
  at: string;
  [fact: string]: unknown;
}

export interface CaseView extends CaseListItem {
  person: Person;
  crime: { category?: string; code?: string; occurredOn?: string; flags?: string[]; [other: string]: unknown };
  policeReportNumber?: string;
  note?: string;
  reachAttempts: ReachAttempts;
  nextAttempt: NextAttempt | null;
  sharedOpenEvening: { on: string; from: string; to: string } | null;
  contactSafety: ContactSafety;
  survey?: { link?: string; answered: boolean };
  linkedFrom?: { caseId: string; org: string };
  linkedTo?: { caseId: string; org: string };
  history: HistoryEntry[];
}

export interface Volunteer {
  volunteerId: string;
  userId: string;
  displayName: string;
  gender?: string;
  languages: string[];
  activeFrom: string;
  activeUntil: string | null;
  openCases: number;
  basicTrainingOn?: string | null;
}

export interface VolunteerSuggestion {
  volunteerId: string;
  displayName: string;
  languages: string[];
  openCases: number;
  speaksPreferredLanguage: boolean;
}

export interface Breach {
  caseId: string;
  org: string;
  rule: 'first-contact' | 'reach-attempts';
  dueAt: string;
  breachedAt: string;
}

export interface AtRisk {
  caseId: string;
  org: string;
  rule?: string;
  dueAt?: string;
  [other: string]: unknown;
}

/** `GET /statistics/report` (contract "Statistics", v1 and v1.1). */
export type ReportFigure = 'handledCases' | 'directContacts' | 'actions' | 'supportPersons' | 'linksReceived';

export interface GenderSplit {
  total: number;
  /** K, M, a person's own label, `other`, `unknown`; keys with zero are left out. */
  byGender: Record<string, number>;
}

export interface PartyReport {
  org: string;
  handledCases: GenderSplit;
  directContacts: GenderSplit;
  actions: GenderSplit;
  supportPersons: GenderSplit;
  linksReceived: GenderSplit;
  crimeTypes: { category: string; cases: number; share: number }[];
  flags: Record<string, number>;
  sla: { firstContactOnTime: number; firstContactLate: number; firstContactOpen: number; reachAttemptsMet: number; reachAttemptsBreached: number };
  trainings: { basic: number; further: number };
  satisfaction: { responses: number; average: number | null; byQuestion: Record<string, number | null> };
  previous: Record<ReportFigure, number>;
}

export interface StatisticsReport {
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  parties: PartyReport[];
  total: Record<ReportFigure, number>;
}

/** One change on `GET /sla/stream` (event `sla`): ids and times only. */
export interface SlaChangeEvent {
  caseId: string;
  /** The holder; `triage` for a triage case the city sees. */
  org: string;
  slaState: SlaState;
  change: 'at-risk' | 'first-contact-missed' | 'reach-attempts-missed' | 'breach-retracted' | 'contacted' | 'closed' | 'triage-waiting';
  dueAt?: string;
  at: string;
}

/** `GET /sla/at-risk` items as the API sends them (rule first-contact, or triage for the city). */
export interface AtRiskItem {
  caseId: string;
  org: string;
  rule: 'first-contact' | 'triage';
  firstContactDueAt?: string;
  assigneeId?: string;
  receivedAt?: string;
  alertAt?: string;
}

/** A volunteer on the roster (`GET /orgs/{org}/volunteers`). */
export interface RosterVolunteer extends Volunteer {
  basicTraining?: 'pending' | 'passed';
  /** "erased" once the volunteer's name was erased. */
  personalData?: string;
}
