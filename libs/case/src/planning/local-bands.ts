import { CalendarDate } from '../time/calendar-date';
import { wallClockSpan } from '../time/zoned-time';

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

const wall = (date: CalendarDate, hhmm: string) => ({ ...date, hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3, 5)), second: 0 });

/** The instants of `hours` on `date` in the zone (see `wallClockSpan` for daylight-saving days); may be empty. */
export const spanOn = (date: CalendarDate, hours: DailyHours, timeZone: string): Span =>
  wallClockSpan(wall(date, hours.from), wall(date, hours.to), timeZone);
