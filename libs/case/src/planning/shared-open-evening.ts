import { SharedOpenEvening } from '../config/contact-policy';
import { CalendarDate, addDays, formatCalendarDate } from '../time/calendar-date';
import { formatInstant } from '../time/instant';
import { localDateOf } from '../time/zoned-time';
import { spanOn } from './local-bands';

export interface OpenEveningOccurrence {
  /** The local date, `YYYY-MM-DD`. */
  readonly on: string;
  readonly from: string;
  readonly to: string;
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
const isoWeekday = (date: CalendarDate): number => {
  const day = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return day === 0 ? 7 : day;
};

/** The jours' next shared open evening that has not ended at `nowMs`; `null` where the org takes no part. */
export function nextSharedOpenEvening(
  evening: SharedOpenEvening | null,
  nowMs: number,
  timeZone: string,
): OpenEveningOccurrence | null {
  if (evening === null) return null;
  const today = localDateOf(nowMs, timeZone);
  for (let days = 0; days <= 7; days++) {
    const date = addDays(today, days);
    if (isoWeekday(date) !== evening.weekday) continue;
    const span = spanOn(date, evening, timeZone);
    if (span.end > nowMs) return { on: formatCalendarDate(date), from: formatInstant(span.start), to: formatInstant(span.end) };
  }
  return null;
}
