import { Area, Crime, Gender, PersonRole } from './case-facts';

/**
 * The person as the Police (or a registering org) describe them: facts and personal data mixed.
 * `splitPerson` separates the two at intake; nothing downstream sees this shape.
 */
export interface PersonInput {
  readonly role: PersonRole;
  readonly gender: Gender;
  readonly genderLabel?: string;
  readonly givenName?: string;
  readonly familyName?: string;
  readonly personalIdentityNumber?: string;
  readonly birthDate?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly preferredLanguage?: string;
  readonly interpreterNeeded?: boolean;
}

export interface CrimeInput extends Omit<Crime, 'flags'> {
  readonly flags?: readonly Crime['flags'][number][];
}

export interface ConsentInput {
  readonly subject: boolean;
  readonly guardian?: boolean;
  readonly recordedAt?: string;
}

/** A Police direct handover, `handover.v1.schema.json`, already validated for shape. */
export interface Handover {
  readonly handoverId: string;
  readonly policeReportNumber: string;
  readonly handedOverAt: string;
  readonly crime: CrimeInput;
  readonly person: PersonInput;
  readonly victimBirthDate?: string;
  readonly area: Area;
  readonly consent: ConsentInput;
  readonly note?: string;
}
