import { Result, err, ok } from '../shared/result';
import { CalendarDate, compareCalendarDates, formatCalendarDate, isValidCalendarDate } from '../time/calendar-date';
import { luhnCheckDigit } from './luhn';

export type PersonalIdentityNumberKind = 'personnummer' | 'samordningsnummer';

export interface PersonalIdentityNumber {
  readonly kind: PersonalIdentityNumberKind;
  /** `YYYY-MM-DD`; for a samordningsnummer the day without the 60 added. */
  readonly birthDate: string;
  /** The 12-digit form with a hyphen, `YYYYMMDD-NNNC`, the way it is stored. */
  readonly normalised: string;
}

export type PersonalIdentityNumberError =
  | { readonly code: 'invalid-format'; readonly message: string }
  | { readonly code: 'invalid-check-digit'; readonly message: string }
  | { readonly code: 'invalid-date'; readonly message: string }
  | { readonly code: 'born-after-reference-date'; readonly message: string };

const PATTERN = /^(19|20)?(\d{2})(\d{2})(\d{2})([-+])?(\d{3})(\d)$/;
const SAMORDNING_DAY_OFFSET = 60;

/**
 * Parses a personnummer or samordningsnummer in its 10- or 12-digit form. The century comes
 * from the 12-digit form; in the 10-digit form it is the most recent one in which the person is
 * under 100 on `referenceDate`, or the one before that when the separator is `+` (the person
 * has turned 100).
 */
export function parsePersonalIdentityNumber(
  text: string,
  referenceDate: CalendarDate,
): Result<PersonalIdentityNumber, PersonalIdentityNumberError> {
  const match = PATTERN.exec(text.trim());
  if (!match) {
    return err({ code: 'invalid-format', message: 'expected YYMMDD-NNNN or YYYYMMDD-NNNN' });
  }
  const [, century, yy, mm, dd, separator, serial, check] = match as unknown as string[];
  const tenDigits = `${yy}${mm}${dd}${serial}`;
  if (luhnCheckDigit(tenDigits) !== Number(check)) {
    return err({ code: 'invalid-check-digit', message: 'the check digit does not match' });
  }

  const month = Number(mm);
  const rawDay = Number(dd);
  const kind: PersonalIdentityNumberKind = rawDay > SAMORDNING_DAY_OFFSET ? 'samordningsnummer' : 'personnummer';
  const day = kind === 'samordningsnummer' ? rawDay - SAMORDNING_DAY_OFFSET : rawDay;
  const year = century
    ? Number(`${century}${yy}`)
    : yearOfTenDigitForm(Number(yy), month, day, separator === '+', referenceDate);

  if (!isValidCalendarDate(year, month, day)) {
    // The message never repeats the number: it ends up in answers and logs.
    return err({ code: 'invalid-date', message: 'the birth date in it does not exist' });
  }
  const birth: CalendarDate = { year, month, day };
  if (compareCalendarDates(birth, referenceDate) > 0) {
    return err({ code: 'born-after-reference-date', message: 'the birth date is in the future' });
  }
  return ok({
    kind,
    birthDate: formatCalendarDate(birth),
    normalised: `${year}${mm}${dd}-${serial}${check}`,
  });
}

function yearOfTenDigitForm(
  yy: number,
  month: number,
  day: number,
  hundredOrOlder: boolean,
  reference: CalendarDate,
): number {
  let year = reference.year - (reference.year % 100) + yy;
  // Compared as month/day only: a 29 February is checked for validity once the year is known.
  if (compareCalendarDates({ year, month, day }, reference) > 0) year -= 100;
  return hundredOrOlder ? year - 100 : year;
}
