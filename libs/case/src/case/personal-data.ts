/**
 * THE seam for personal data of the support seeker (and the victim, for a relative). Events carry
 * such data only in a field named `personalData` of this type, and nowhere else, so that
 * encrypting it per person (crypto-shredding) lives in the store adapter (libs/personal-data's
 * `SealingEventStore` seals this field on append), not in any decider. At rest the field holds
 * a sealed value; folded from an erased case, the decider's state holds `null`.
 */
export interface PersonalData {
  readonly givenName?: string;
  readonly familyName?: string;
  /** Normalised 12-digit form `YYYYMMDD-NNNN`. */
  readonly personalIdentityNumber?: string;
  /** `YYYY-MM-DD` */
  readonly birthDate?: string;
  /** `YYYY-MM-DD`; the victim's, when the person is a relative. */
  readonly victimBirthDate?: string;
  readonly phone?: string;
  readonly email?: string;
  /** The Police report number ties the case to a person, so it is personal data too. */
  readonly policeReportNumber?: string;
  /** Free text (from the Police, or written with a contact, link or closure). */
  readonly note?: string;
  /** A coordinator's reason for overriding the reach-attempt rule at closing: free text about the case. */
  readonly overrideReason?: string;
  /** The single-use survey token of a case closed with `support-given`: whoever holds it may answer, so it is sealed too. */
  readonly surveyToken?: string;
}

/** Drops the keys whose value is `undefined`, so events compare and serialise cleanly. */
export function personalData(fields: PersonalData): PersonalData {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as PersonalData;
}

export const hasPersonalData = (data: PersonalData | null | undefined): boolean =>
  data !== null && data !== undefined && Object.keys(data).length > 0;

/** The field that holds personal data in every event that has any. */
export const PERSONAL_DATA_FIELD = 'personalData';

/**
 * Applies `transform` to the personal data in a stored event's data (the event store's plain
 * record shape), leaving every other fact untouched; data without personal data is returned as
 * is. For synchronous transforms (tests, tools); the sealing store seals the same field.
 */
export function mapPersonalData(
  data: Readonly<Record<string, unknown>>,
  transform: (personal: unknown) => unknown,
): Readonly<Record<string, unknown>> {
  const personal = data[PERSONAL_DATA_FIELD];
  if (personal === undefined || personal === null) return data;
  return { ...data, [PERSONAL_DATA_FIELD]: transform(personal) };
}
