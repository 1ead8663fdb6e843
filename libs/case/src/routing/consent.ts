import { ConsentInput } from '../case/intake-input';

/** Below this age a guardian must consent as well as the person. */
export const GUARDIAN_CONSENT_BELOW_AGE = 15;

export type MissingConsent = 'subject' | 'guardian';

/**
 * The consents a handover lacks, by the support seeker's own age at receipt (for a relative,
 * the relative's age, not the victim's). With the age unknown only the person's own consent is
 * required: a guardian's consent is needed only for someone shown to be under 15, and refusing
 * every handover without a birth date would drop adults' cases for want of a guardian.
 */
export function missingConsent(personAge: number | null, consent: ConsentInput): MissingConsent[] {
  const missing: MissingConsent[] = [];
  if (consent.subject !== true) missing.push('subject');
  if (personAge !== null && personAge < GUARDIAN_CONSENT_BELOW_AGE && consent.guardian !== true) {
    missing.push('guardian');
  }
  return missing;
}
