/** The facts of a case that are not personal data: kept in clear, used by statistics. */

export const CRIME_CATEGORIES = [
  'misshandel', 'bedrageri', 'olaga-hot', 'ofredande', 'sexualbrott',
  'ran', 'stold', 'skadegorelse', 'hot-mot-tjansteman', 'other',
] as const;
export type CrimeCategory = (typeof CRIME_CATEGORIES)[number];

export const CRIME_FLAGS = ['vald-i-nara-relation', 'gangrelaterat', 'hedersrelaterat'] as const;
export type CrimeFlag = (typeof CRIME_FLAGS)[number];

export interface Crime {
  readonly category: CrimeCategory;
  /** The Police's crime code, if given. */
  readonly code?: string;
  /** `YYYY-MM-DD` */
  readonly occurredOn?: string;
  readonly flags: readonly CrimeFlag[];
}

export type PersonRole = 'victim' | 'witness' | 'relative';
export type Gender = 'female' | 'male' | 'other' | 'unknown';

export interface PersonFacts {
  readonly role: PersonRole;
  readonly gender: Gender;
  /** How the person describes their gender when `other`, e.g. `GF`, `IB`. */
  readonly genderLabel?: string;
  /** ISO 639 code. */
  readonly preferredLanguage?: string;
  readonly interpreterNeeded?: boolean;
}

export interface Area {
  readonly municipality: string;
  readonly district?: string;
}

export type CaseSource = 'handover' | 'self-referral' | 'other-actor' | 'link';
export type CaseStatus = 'open' | 'triage' | 'closed';
