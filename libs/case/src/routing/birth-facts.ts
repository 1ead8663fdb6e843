import { parsePersonalIdentityNumber } from '../identity/personal-identity-number';
import { FieldProblem } from '../shared/domain-error';
import { Result, err, ok } from '../shared/result';
import { CalendarDate, compareCalendarDates, parseCalendarDate } from '../time/calendar-date';
import { localDateOf } from '../time/zoned-time';

export type BirthDateSource = 'personal-identity-number' | 'birth-date';

/** What intake knows about birth dates, checked; ages follow from these and the receipt instant. */
export interface BirthFacts {
  readonly personBirthDate: CalendarDate | null;
  readonly personBirthDateSource: BirthDateSource | null;
  /** Both a birth date and a personal identity number were given, and they disagree. */
  readonly birthDateMismatch: boolean;
  /** The personal identity number in its normalised 12-digit form. */
  readonly personalIdentityNumber?: string;
  readonly victimBirthDate: CalendarDate | null;
}

export interface BirthInput {
  readonly person: { readonly birthDate?: string; readonly personalIdentityNumber?: string };
  readonly victimBirthDate?: string;
}

const PIN_MESSAGES = {
  'invalid-format': 'is not a personnummer or samordningsnummer',
  'invalid-check-digit': 'has a wrong check digit',
  'invalid-date': 'does not hold a valid birth date',
  'born-after-reference-date': 'holds a birth date after the case was received',
} as const;

/**
 * Checks the birth dates and the personal identity number against the moment the case is
 * received. When both a birth date and a personal identity number are given and they disagree,
 * the number wins: its check digit makes a typing error far less likely than in a bare date. The
 * disagreement is kept (`birthDateMismatch`) so that it shows in the case.
 */
export function readBirthFacts(input: BirthInput, receivedAtMs: number): Result<BirthFacts, FieldProblem[]> {
  const reference = localDateOf(receivedAtMs);
  const problems: FieldProblem[] = [];
  const dateField = (text: string | undefined, path: string): CalendarDate | null => {
    if (text === undefined) return null;
    const date = parseCalendarDate(text);
    if (!date) problems.push({ path, message: 'is not a valid date (YYYY-MM-DD)' });
    else if (compareCalendarDates(date, reference) > 0) problems.push({ path, message: 'is after the case was received' });
    else return date;
    return null;
  };

  const birthDate = dateField(input.person.birthDate, 'person.birthDate');
  const victimBirthDate = dateField(input.victimBirthDate, 'victimBirthDate');
  let fromNumber: CalendarDate | null = null;
  let normalised: string | undefined;
  if (input.person.personalIdentityNumber !== undefined) {
    const parsed = parsePersonalIdentityNumber(input.person.personalIdentityNumber, reference);
    if (parsed.ok) {
      fromNumber = parseCalendarDate(parsed.value.birthDate);
      normalised = parsed.value.normalised;
    } else {
      problems.push({ path: 'person.personalIdentityNumber', message: PIN_MESSAGES[parsed.error.code] });
    }
  }
  if (problems.length > 0) return err(problems);

  const personBirthDate = fromNumber ?? birthDate;
  return ok({
    personBirthDate,
    personBirthDateSource: fromNumber ? 'personal-identity-number' : birthDate ? 'birth-date' : null,
    birthDateMismatch: fromNumber !== null && birthDate !== null && compareCalendarDates(fromNumber, birthDate) !== 0,
    ...(normalised ? { personalIdentityNumber: normalised } : {}),
    victimBirthDate,
  });
}
