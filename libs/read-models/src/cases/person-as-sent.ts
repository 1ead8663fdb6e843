import type { PersonalData } from '@referral/case';

/** The personal data that belongs to the person object of a handover or registration. */
const PERSON_FIELDS = ['givenName', 'familyName', 'personalIdentityNumber', 'birthDate', 'phone', 'email'] as const;

/** What a shown case says where its personal data was erased. */
export const ERASED = 'erased';

/**
 * The person "as sent" (contract, `GET /cases/{id}`): the non-personal facts merged with the
 * person's own fields from the opened personal data. The Police report number, the victim's
 * birth date and the note are not fields of the person, so they stay out. After erasure only
 * the facts remain, marked `personalData: "erased"`.
 */
export function personAsSent(facts: Record<string, unknown>, personal: PersonalData | typeof ERASED | null): Record<string, unknown> {
  if (personal === ERASED) return { ...facts, personalData: ERASED };
  const opened = personal ?? {};
  const fromPersonal = Object.fromEntries(
    PERSON_FIELDS.filter((field) => opened[field] !== undefined).map((field) => [field, opened[field]]),
  );
  return { ...facts, ...fromPersonal };
}

/**
 * The Police report number and the note the case came with (the Police's, for a handover), as
 * sent (contract v1.1), for those who may see the case's personal data; nothing after erasure.
 */
export function caseNumbersAsSent(personal: PersonalData | typeof ERASED | null): { policeReportNumber?: string; note?: string } {
  if (personal === ERASED || personal === null) return {};
  return {
    ...(personal.policeReportNumber === undefined ? {} : { policeReportNumber: personal.policeReportNumber }),
    ...(personal.note === undefined ? {} : { note: personal.note }),
  };
}
