import { formatCalendarDate, localDateOf, STOCKHOLM } from '@referral/case';

/** The Europe/Stockholm calendar date (`YYYY-MM-DD`) of an instant. */
export function stockholmDay(instant: string): string {
  return formatCalendarDate(localDateOf(Date.parse(instant), STOCKHOLM));
}

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both inclusive. */
export function daysInPeriod(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000) + 1;
}
