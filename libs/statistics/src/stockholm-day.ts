import { calendarDateOf, daysBetween, formatCalendarDate, localDateOf, STOCKHOLM } from '@referral/case';

/** The Europe/Stockholm calendar date (`YYYY-MM-DD`) of an instant. */
export function stockholmDay(instant: string): string {
  return formatCalendarDate(localDateOf(Date.parse(instant), STOCKHOLM));
}

/** Days from `from` to `to`, both inclusive. */
export function daysInPeriod(from: string, to: string): number {
  return daysBetween(calendarDateOf(from), calendarDateOf(to)) + 1;
}
