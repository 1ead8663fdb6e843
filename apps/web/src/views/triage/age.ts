/**
 * The person's birth date as the case has it: `birthDate`, else read from a personnummer or
 * samordningsnummer (day + 60), the century from a 12-digit form or, for 10 digits, the last
 * century in which the person is not yet born in the future (`+` meaning 100 or older).
 */
export function birthDateOf(person: { birthDate?: string; personalIdentityNumber?: string }, todayIso: string): string | null {
  if (person.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(person.birthDate)) return person.birthDate;
  const match = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)\d{4}$/.exec(person.personalIdentityNumber ?? '');
  if (!match) return null;
  const [, century, yy, mm, rawDd, sign] = match as unknown as [string, string | undefined, string, string, string, string];
  const dd = String(Number(rawDd) > 60 ? Number(rawDd) - 60 : Number(rawDd)).padStart(2, '0');
  let year: number;
  if (century) year = Number(`${century}${yy}`);
  else {
    const thisYear = Number(todayIso.slice(0, 4));
    year = Math.floor(thisYear / 100) * 100 + Number(yy);
    if (`${year}-${mm}-${dd}` > todayIso) year -= 100;
    if (sign === '+') year -= 100;
  }
  return `${year}-${mm}-${dd}`;
}

/** Whole years from `birthDate` to `todayIso` (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, todayIso: string): number {
  const years = Number(todayIso.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return todayIso.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** Who a case of this age goes to by the routing rule: under 21 to Stödcentrum; else a jour the coordinator picks. */
export function suggestedParty(age: number | null): string | undefined {
  return age !== null && age < 21 ? 'stodcentrum' : undefined;
}
