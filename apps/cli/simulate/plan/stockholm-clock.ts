import { ageOn as ageOnDate, calendarDateOf, formatCalendarDate, instantOfLocal, localDateTimeOf, shiftDate, type CalendarDate } from '@referral/case';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** An instant as the contract writes it: Stockholm wall time with its offset, e.g. `2023-06-02T19:30:00+02:00`. */
export function stockholmIso(instantMs: number): string {
  const local = localDateTimeOf(instantMs);
  const wholeSecondMs = instantMs - (((instantMs % 1000) + 1000) % 1000);
  const offsetMinutes = Math.round((Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) - wholeSecondMs) / 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${formatCalendarDate(local)}T${two(local.hour)}:${two(local.minute)}:${two(local.second)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** The instant a Stockholm clock shows `hour:minute:second` on `date`. */
export function stockholmInstant(date: CalendarDate, hour: number, minute = 0, second = 0): number {
  return instantOfLocal({ ...date, hour, minute, second });
}

export function stockholmDateOf(instantMs: number): string {
  return formatCalendarDate(localDateTimeOf(instantMs));
}

export function stockholmHourOf(instantMs: number): number {
  return localDateTimeOf(instantMs).hour;
}

/** Every date from `from` to `to`, both inclusive, as `YYYY-MM-DD`. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = shiftDate(date, 1)) dates.push(date);
  return dates;
}

/** Monday 0 … Sunday 6. */
export function weekdayOf(date: string): number {
  const parsed = calendarDateOf(date);
  return (new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day)).getUTCDay() + 6) % 7;
}

const two = (n: number) => String(n).padStart(2, '0');

/** Whole years from `birthDate` to `on`, as the service counts them. */
export const ageOn = (birthDate: string, on: string): number => ageOnDate(calendarDateOf(birthDate), calendarDateOf(on));
