import { shiftDate } from '@referral/case';
import { daysInPeriod } from '../stockholm-day';

export interface Period {
  from: string;
  to: string;
}

const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const firstOfMonth = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
const isLastOfMonth = (day: string) => shiftDate(day, 1).endsWith('-01');

/**
 * The period a report compares with (contract v1.1): for whole calendar months (from the 1st to a
 * month's last day) the same number of whole months just before; for any other range the same
 * number of days just before. So a partnership year 1 April - 31 March is compared with the one
 * before it whether or not a 29 February falls in either, and a month with the month before.
 */
export function previousPeriod(period: Period): Period {
  if (period.from.endsWith('-01') && isLastOfMonth(period.to)) {
    const months = monthIndex(period.to) - monthIndex(period.from) + 1;
    return { from: firstOfMonth(monthIndex(period.from) - months), to: shiftDate(period.from, -1) };
  }
  const length = daysInPeriod(period.from, period.to);
  return { from: shiftDate(period.from, -length), to: shiftDate(period.from, -1) };
}
