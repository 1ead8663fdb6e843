/**
 * The periods the statistics are asked for, as inclusive Stockholm calendar dates `YYYY-MM-DD`:
 * the partnership year (1 April - 31 March), a calendar year, a quarter, a month, or any range.
 * Pure date arithmetic on calendar dates; no clock and no time zone in here.
 */
export type PeriodKind = 'partnership-year' | 'calendar-year' | 'quarter' | 'month' | 'custom';
export const PERIOD_KINDS: readonly PeriodKind[] = ['partnership-year', 'calendar-year', 'quarter', 'month', 'custom'];

export interface Period {
  from: string;
  to: string;
}

/** What the picker holds: every kind's own fields, so switching kinds keeps what was chosen. */
export interface PeriodChoice {
  kind: PeriodKind;
  /** The calendar year; for a partnership year the year it starts (2025 = 1 April 2025 - 31 March 2026). */
  year: number;
  quarter: 1 | 2 | 3 | 4;
  month: number;
  from: string;
  to: string;
}

export type CustomRangeError = 'from-invalid' | 'to-invalid' | 'to-before-from';

const pad = (n: number) => String(n).padStart(2, '0');
const date = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A real calendar date written `YYYY-MM-DD` (not 2025-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The partnership year a day falls in, by the year it starts: 2026-03-31 is in 2025's. */
export function partnershipYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 4 ? year : year - 1;
}

export function customRangeError(from: string, to: string): CustomRangeError | null {
  if (!isCalendarDate(from)) return 'from-invalid';
  if (!isCalendarDate(to)) return 'to-invalid';
  return to < from ? 'to-before-from' : null;
}

/** The period a choice stands for; `null` for a custom range that is not valid yet. */
export function periodOf(choice: PeriodChoice): Period | null {
  const { year } = choice;
  switch (choice.kind) {
    case 'partnership-year':
      return { from: date(year, 4, 1), to: date(year + 1, 3, 31) };
    case 'calendar-year':
      return { from: date(year, 1, 1), to: date(year, 12, 31) };
    case 'quarter': {
      const last = choice.quarter * 3;
      return { from: date(year, last - 2, 1), to: date(year, last, daysInMonth(year, last)) };
    }
    case 'month':
      return { from: date(year, choice.month, 1), to: date(year, choice.month, daysInMonth(year, choice.month)) };
    case 'custom':
      return customRangeError(choice.from, choice.to) ? null : { from: choice.from, to: choice.to };
  }
}

/** The picker's start: the partnership year of today, the other kinds set to today's year, quarter and month. */
export function defaultChoice(today: string): PeriodChoice {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const partnership = periodOf({ kind: 'partnership-year', year: partnershipYearOf(today), quarter: 1, month, from: '', to: '' })!;
  return {
    kind: 'partnership-year',
    year: partnershipYearOf(today),
    quarter: (Math.floor((month - 1) / 3) + 1) as PeriodChoice['quarter'],
    month,
    from: partnership.from,
    to: today,
  };
}

/** The years offered, newest first: `count` years up to today's (a partnership year 2026 ends in 2027). */
export function yearsUpTo(today: string, count = 10): number[] {
  const newest = Number(today.slice(0, 4));
  return Array.from({ length: count }, (_, i) => newest - i);
}

export interface MonthSlice extends Period {
  /** `YYYY-MM` */
  month: string;
}

/** The months a period touches, each cut to the period (a range from 15 March has March from the 15th). */
export function monthsOf(period: Period): MonthSlice[] {
  const slices: MonthSlice[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  for (;;) {
    const first = date(year, month, 1);
    if (first > period.to) return slices;
    const last = date(year, month, daysInMonth(year, month));
    slices.push({ month: `${year}-${pad(month)}`, from: first < period.from ? period.from : first, to: last > period.to ? period.to : last });
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}
