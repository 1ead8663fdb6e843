import type { CaseReceived, PersonalData } from '@referral/case';

/** The personal data that belongs to the person object of a handover or registration. */
const PERSON_FIELDS = ['givenName', 'familyName', 'personalIdentityNumber', 'birthDate', 'phone', 'email'] as const;

/**
 * The person "as sent" (contract, `GET /cases/{id}`): the non-personal facts merged with the
 * person's own fields from `personalData`. The Police report number, the victim's birth date
 * and the note are not fields of the person, so they stay out. After erasure (`personalData`
 * null) only the facts remain.
 */
export function personAsSent(data: CaseReceived['data']): Record<string, unknown> {
  const personal: PersonalData = data.personalData ?? {};
  const fromPersonal = Object.fromEntries(
    PERSON_FIELDS.filter((field) => personal[field] !== undefined).map((field) => [field, personal[field]]),
  );
  return { ...data.person, ...fromPersonal };
}
