import { CalendarDate } from './calendar-date';
import { instantOfLocal } from './zoned-time';

/** A local time of day as `HH:MM` (00:00 to 23:59). */
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const isTimeOfDay = (text: unknown): text is string => typeof text === 'string' && TIME_OF_DAY.test(text);

/** Seconds since local midnight of an `HH:MM` time: compare with `localSecondOfDay`. */
export const secondOfDay = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 3600 + Number(hhmm.slice(3, 5)) * 60;

/** The instant the zone's clocks show `hhmm` on `date` (a skipped spring-forward time reads one hour later). */
export function instantOnDate(date: CalendarDate, hhmm: string, timeZone: string): number {
  return instantOfLocal({ ...date, hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3, 5)), second: 0 }, timeZone);
}
