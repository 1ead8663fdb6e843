import { CalendarDate } from '../time/calendar-date';
import { STOCKHOLM, localDateOf } from '../time/zoned-time';

/**
 * Age in whole years on a calendar date. Someone born on 29 February has their birthday on
 * 1 March in non-leap years: comparing month and day as a pair gives exactly that, since
 * 28 February comes before (2, 29) and 1 March after it.
 */
export function ageOn(birthDate: CalendarDate, on: CalendarDate): number {
  const hadBirthdayThisYear = on.month > birthDate.month || (on.month === birthDate.month && on.day >= birthDate.day);
  return on.year - birthDate.year - (hadBirthdayThisYear ? 0 : 1);
}

/** Age in whole years at an instant, by the local calendar date in Europe/Stockholm. */
export function ageAt(birthDate: CalendarDate, instantMs: number, timeZone: string = STOCKHOLM): number {
  return ageOn(birthDate, localDateOf(instantMs, timeZone));
}
