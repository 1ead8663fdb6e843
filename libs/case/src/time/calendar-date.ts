/** A date without time or zone, as `YYYY-MM-DD` on the wire. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** The date, or `null` when the text is not a real `YYYY-MM-DD` date (e.g. `2023-02-29`). */
export function parseCalendarDate(text: string): CalendarDate | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidCalendarDate(year, month, day) ? { year, month, day } : null;
}

export function formatCalendarDate(date: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Negative when `a` is before `b`, zero when the same day, positive when after. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const DAY_MS = 86_400_000;
function utcMidnightOf(date: CalendarDate): number {
  const midnight = new Date(0);
  midnight.setUTCFullYear(date.year, date.month - 1, date.day); // Date.UTC reads years 0-99 as 1900-1999
  return midnight.getTime();
}

/**
 * The date `days` calendar days later (or earlier, for a negative number). Dates have no zone, so
 * this is plain day counting; for "same wall-clock time n days later" see `addLocalCalendarDays`.
 */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(utcMidnightOf(date) + days * DAY_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** Calendar days from `from` to `to`: 0 on the same day, negative when `to` is earlier. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return (utcMidnightOf(to) - utcMidnightOf(from)) / DAY_MS;
}

/** The date of text known to be one (configuration, code); throws when it is not a real `YYYY-MM-DD`. */
export function calendarDateOf(text: string): CalendarDate {
  const date = parseCalendarDate(text);
  if (!date) throw new RangeError(`not a date (YYYY-MM-DD): ${text}`);
  return date;
}

/** `addDays` on the wire form: `YYYY-MM-DD` moved by `days` calendar days. */
export function shiftDate(text: string, days: number): string {
  return formatCalendarDate(addDays(calendarDateOf(text), days));
}
