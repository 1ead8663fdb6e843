import { calendarDateOf, daysBetween, formatCalendarDate, localDateOf, shiftDate, STOCKHOLM } from '@referral/case';

/** The Europe/Stockholm calendar date (`YYYY-MM-DD`) of an instant. */
export function stockholmDay(instant: string): string {
  return formatCalendarDate(localDateOf(Date.parse(instant), STOCKHOLM));
}

/** Days from `from` to `to`, both inclusive. */
export function daysInPeriod(from: string, to: string): number {
  return daysBetween(calendarDateOf(from), calendarDateOf(to)) + 1;
}

/** The period of the same length that ends the day before `from`. */
export function previousPeriod(period: { from: string; to: string }): { from: string; to: string } {
  const length = daysInPeriod(period.from, period.to);
  return { from: shiftDate(period.from, -length), to: shiftDate(period.from, -1) };
}
