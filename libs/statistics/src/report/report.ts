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
}

export const SPLIT_FIGURES = ['handledCases', 'directContacts', 'actions', 'supportPersons', 'linksReceived'] as const;
export type SplitFigure = (typeof SPLIT_FIGURES)[number];

export interface StatisticsReport {
  period: { from: string; to: string };
  parties: PartyReport[];
  total: Record<SplitFigure, number>;
}

/** Parties in the contract's order. */
export const REPORT_ORGS = ['stodcentrum', 'boj-stockholm-gotland', 'boj-sodra-stockholm', 'boj-vasterort'] as const;
export const REPORT_FLAGS = ['gangrelaterat', 'vald-i-nara-relation', 'hedersrelaterat'] as const;
