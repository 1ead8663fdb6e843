import type { SurveyQuestion } from '@referral/case';
/** The answer of `GET /statistics/report` (contract, "Statistics"). */
export interface GenderSplit {
  total: number;
  /** Gender key → count; keys with zero left out. */
  byGender: Record<string, number>;
}

export interface CrimeTypeShare {
  category: string;
  cases: number;
  /** cases / handledCases.total */
  share: number;
}

export interface PartySla {
  firstContactOnTime: number;
  firstContactLate: number;
  firstContactOpen: number;
  reachAttemptsMet: number;
  reachAttemptsBreached: number;
}

/** The survey answers received in the period; averages `null` with no responses (rounded to 2 decimals). */
export interface PartySatisfaction {
  responses: number;
  /** Over every score given in the period, whichever question. */
  average: number | null;
  /** Per question, over the answers that scored it. */
  byQuestion: Record<SurveyQuestion, number | null>;
}

/** Training sessions the org held in the period, by kind. */
export interface PartyTrainings {
  basic: number;
  further: number;
}

export interface PartyReport {
  org: string;
  handledCases: GenderSplit;
  directContacts: GenderSplit;
  actions: GenderSplit;
  supportPersons: GenderSplit;
  linksReceived: GenderSplit;
  crimeTypes: CrimeTypeShare[];
  flags: Record<string, number>;
  sla: PartySla;
  trainings: PartyTrainings;
  satisfaction: PartySatisfaction;
  /** The totals of the previous period (`StatisticsReport.previousPeriod`). */
  previous: Record<SplitFigure, number>;
}

export const SPLIT_FIGURES = ['handledCases', 'directContacts', 'actions', 'supportPersons', 'linksReceived'] as const;
export type SplitFigure = (typeof SPLIT_FIGURES)[number];

export interface StatisticsReport {
  period: { from: string; to: string };
  /** What `previous` of each party counts: see `previousPeriod`. */
  previousPeriod: { from: string; to: string };
  parties: PartyReport[];
  total: Record<SplitFigure, number>;
}

/** Parties in the contract's order. */
export const REPORT_ORGS = ['stodcentrum', 'boj-stockholm-gotland', 'boj-sodra-stockholm', 'boj-vasterort'] as const;
export const REPORT_FLAGS = ['gangrelaterat', 'vald-i-nara-relation', 'hedersrelaterat'] as const;
