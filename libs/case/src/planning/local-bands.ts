import { CalendarDate } from '../time/calendar-date';
import { instantOnDate } from '../time/time-of-day';

/** A stretch of local time on one day, `from` inside, `to` not, as `HH:MM`. */
export interface DailyHours {
  readonly from: string;
  readonly to: string;
}

/** Instants `[start, end)`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The hours inside both, or `null` when they do not overlap. */
export function overlap(a: DailyHours, b: DailyHours | null): DailyHours | null {
  if (b === null) return a;
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return from < to ? { from, to } : null;
}

/** The instants of `hours` on `date` in the zone (a skipped spring-forward time reads an hour later). */
export const spanOn = (date: CalendarDate, hours: DailyHours, timeZone: string): Span => ({
  start: instantOnDate(date, hours.from, timeZone),
  end: instantOnDate(date, hours.to, timeZone),
});
