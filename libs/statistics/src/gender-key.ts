import type { Gender } from '@referral/case';

export const UNKNOWN_GENDER = 'unknown';

/**
 * The report's key for a gender: `K` (female), `M` (male), the person's own label for `other`
 * (e.g. `GF`, `IB`; `other` when none was given), and `unknown`.
 */
export function genderKey(gender: Gender, genderLabel?: string): string {
  if (gender === 'female') return 'K';
  if (gender === 'male') return 'M';
  if (gender === 'other') return genderLabel?.trim() || 'other';
  return UNKNOWN_GENDER;
}

/** K, M, the other labels alphabetically, `unknown` last. */
export function compareGenderKeys(a: string, b: string): number {
  const rank = (key: string) => (key === 'K' ? 0 : key === 'M' ? 1 : key === UNKNOWN_GENDER ? 3 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
