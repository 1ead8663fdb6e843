import { BirthFacts } from '../../routing/birth-facts';
import { YOUTH_AGE_LIMIT } from '../../routing/route-case';
import { CaseOwner, isJour } from '../../shared/org';
import { ageAt } from '../../identity/age';
import { parseCalendarDate } from '../../time/calendar-date';
import { Crime, PersonFacts } from '../case-facts';
import { CaseRouting } from '../case-events';
import { CrimeInput, PersonInput } from '../intake-input';
import { PersonalData, personalData } from '../personal-data';
import { FieldProblem } from '../../shared/domain-error';

type AgeFacts = Pick<CaseRouting, 'subjectAge' | 'ageSource' | 'birthDateMismatch'>;

/** The age that routes the case: the victim's for a relative, otherwise the person's own. */
export function subjectAgeFacts(role: PersonInput['role'], birth: BirthFacts, receivedAtMs: number): AgeFacts {
  const mismatch = { birthDateMismatch: birth.birthDateMismatch };
  if (role === 'relative') {
    return birth.victimBirthDate
      ? { subjectAge: ageAt(birth.victimBirthDate, receivedAtMs), ageSource: 'victim-birth-date', ...mismatch }
      : { subjectAge: null, ageSource: null, ...mismatch };
  }
  return birth.personBirthDate
    ? { subjectAge: ageAt(birth.personBirthDate, receivedAtMs), ageSource: birth.personBirthDateSource, ...mismatch }
    : { subjectAge: null, ageSource: null, ...mismatch };
}

/** The support seeker's own age at receipt (decides consent), or `null`. */
export const personAge = (birth: BirthFacts, receivedAtMs: number): number | null =>
  birth.personBirthDate ? ageAt(birth.personBirthDate, receivedAtMs) : null;

/** A jour holding a person under 21 should link them to Stödcentrum. */
export const suggestsLink = (holder: CaseOwner, subjectAge: number | null): boolean =>
  isJour(holder) && subjectAge !== null && subjectAge < YOUTH_AGE_LIMIT;

/** The person's facts and their personal data, parted at the seam. */
export function splitPerson(
  person: PersonInput,
  birth: BirthFacts,
  extra: Pick<PersonalData, 'victimBirthDate' | 'policeReportNumber' | 'note'>,
): { facts: PersonFacts; personal: PersonalData } {
  const facts: PersonFacts = {
    role: person.role,
    gender: person.gender,
    ...(person.genderLabel !== undefined ? { genderLabel: person.genderLabel } : {}),
    ...(person.preferredLanguage !== undefined ? { preferredLanguage: person.preferredLanguage } : {}),
    ...(person.interpreterNeeded !== undefined ? { interpreterNeeded: person.interpreterNeeded } : {}),
  };
  const personal = personalData({
    givenName: person.givenName,
    familyName: person.familyName,
    personalIdentityNumber: birth.personalIdentityNumber,
    birthDate: person.birthDate,
    phone: person.phone,
    email: person.email,
    ...extra,
  });
  return { facts, personal };
}

export function normaliseCrime(crime: CrimeInput, problems: FieldProblem[]): Crime {
  if (crime.occurredOn !== undefined && !parseCalendarDate(crime.occurredOn)) {
    problems.push({ path: 'crime.occurredOn', message: 'is not a valid date (YYYY-MM-DD)' });
  }
  return {
    category: crime.category,
    ...(crime.code !== undefined ? { code: crime.code } : {}),
    ...(crime.occurredOn !== undefined ? { occurredOn: crime.occurredOn } : {}),
    flags: [...new Set(crime.flags ?? [])],
  };
}
