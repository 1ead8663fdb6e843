import type { Person } from '../../api/types';

/** "Given Family" as the API gives them, or null when the case carries no name (anonymous, erased). */
export function personName(person: Person): string | null {
  const name = [person.givenName, person.familyName].filter((part) => typeof part === 'string' && part.trim() !== '').join(' ');
  return name === '' ? null : name;
}

/** The birth date from `birthDate`, or from a 12-digit personal identity number (a coordination number's day is +60). */
export function birthDateOf(person: Person): string | null {
  if (typeof person.birthDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(person.birthDate)) return person.birthDate;
  const match = typeof person.personalIdentityNumber === 'string' ? /^(\d{4})(\d{2})(\d{2})[-+]?\d{4}$/.exec(person.personalIdentityNumber) : null;
  if (!match) return null;
  const day = Number(match[3]) > 60 ? Number(match[3]) - 60 : Number(match[3]);
  return `${match[1]}-${match[2]}-${String(day).padStart(2, '0')}`;
}

/** Whole years on `today` (YYYY-MM-DD, Stockholm), or null when the birth date is not known. */
export function ageOn(person: Person, today: string): number | null {
  const born = birthDateOf(person);
  if (!born) return null;
  const [by, bm, bd] = born.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const age = ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
  return age >= 0 && age < 130 ? age : null;
}
