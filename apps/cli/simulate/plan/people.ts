import { shiftDate } from '@referral/case';
import { syntheticPersonnummer } from '../../../../libs/case/testing/synthetic-personnummer';
import type { SimulationConfig } from '../simulation-config';
import { FAMILY_NAMES, GIVEN_NAMES } from './fictional-names';
import type { Random } from './random';
import { ageOn } from './stockholm-clock';

export type Gender = 'female' | 'male' | 'other' | 'unknown';
export type PersonRole = 'victim' | 'witness' | 'relative';

export interface PlannedPerson {
  /** The `person` object as sent. */
  readonly person: Record<string, unknown>;
  /** Set for a relative: the young victim's birth date, which decides the routing. */
  readonly victimBirthDate?: string;
  /** The support seeker's age at receipt; null when the service cannot know it. */
  readonly age: number | null;
}

export interface PersonRequest {
  readonly age: number;
  readonly on: string;
  readonly role?: PersonRole;
  /** False: no personnummer and no birth date, so the age is unknown to the service. */
  readonly ageKnown?: boolean;
}

/** Fictional support seekers with valid-looking personnummer (serials 980-989), fictional phone numbers and example.com addresses. */
export class People {
  constructor(private readonly random: Random, private readonly config: SimulationConfig) {}

  person({ age, on, role = 'victim', ageKnown = true }: PersonRequest): PlannedPerson {
    const gender = this.random.weighted(this.config.people.genders as Record<Gender, number>);
    const givenName = this.random.pick(gender === 'female' ? GIVEN_NAMES.female : gender === 'male' ? GIVEN_NAMES.male : GIVEN_NAMES.neutral);
    const familyName = this.random.pick(FAMILY_NAMES);
    const birthDate = this.birthDateFor(age, on);
    const identity = !ageKnown
      ? {}
      : this.random.chance(this.config.intake.personalIdentityNumberShare)
        ? { personalIdentityNumber: syntheticPersonnummer(birthDate, { form: 12, serial: this.serialFor(gender) }) }
        : { birthDate };
    const language = this.random.weighted(this.config.people.languages);
    const person: Record<string, unknown> = {
      role,
      gender,
      ...(gender === 'other' ? { genderLabel: this.random.pick(this.config.people.otherGenderLabels) } : {}),
      givenName,
      familyName,
      ...identity,
      phone: `+46 70 174 06 ${String(this.random.int(5, 99)).padStart(2, '0')}`,
      ...(this.random.chance(this.config.intake.emailShare) ? { email: `${ascii(givenName)}.${ascii(familyName)}@example.com` } : {}),
      ...(language !== 'sv' ? { preferredLanguage: language, interpreterNeeded: this.random.chance(0.7) } : {}),
    };
    return { person, age: ageKnown ? age : null };
  }

  /** A parent or other relative of a young victim: the victim's age routes the case to Stödcentrum. */
  relativeOf(victimAge: number, on: string): PlannedPerson {
    const { from, to } = this.config.people.relativeAges;
    const relative = this.person({ age: this.random.int(from, to), on, role: 'relative' });
    return { ...relative, victimBirthDate: this.birthDateFor(victimAge, on) };
  }

  /** A birth date that makes the person exactly `age` on `on`. */
  birthDateFor(age: number, on: string): string {
    const yearBefore = `${String(Number(on.slice(0, 4)) - age - 1)}${on.slice(4)}`;
    const candidate = shiftDate(yearBefore.endsWith('02-29') ? yearBefore.replace('02-29', '02-28') : yearBefore, this.random.int(2, 360));
    const actual = ageOn(candidate, on);
    return actual === age ? candidate : shiftDate(candidate, (actual - age) * 365);
  }

  /** The second-last digit is odd for men and even for women, as in real numbers. */
  private serialFor(gender: Gender): string {
    const even = [0, 2, 4, 6, 8];
    const odd = [1, 3, 5, 7, 9];
    const digit = gender === 'female' ? this.random.pick(even) : gender === 'male' ? this.random.pick(odd) : this.random.int(0, 9);
    return `98${digit}`;
  }
}

function ascii(name: string): string {
  return name.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
}
