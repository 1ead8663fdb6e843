import { describe, expect, it } from 'vitest';
import { customRangeError, defaultChoice, isCalendarDate, monthsOf, partnershipYearOf, periodOf, yearsUpTo, type PeriodChoice } from './period';

const choice = (over: Partial<PeriodChoice>): PeriodChoice => ({ kind: 'partnership-year', year: 2025, quarter: 1, month: 1, from: '', to: '', ...over });

describe('the period of a choice', () => {
  it('given a partnership year, runs 1 April to 31 March of the next year', () => {
    expect(periodOf(choice({ kind: 'partnership-year', year: 2025 }))).toEqual({ from: '2025-04-01', to: '2026-03-31' });
  });
  it('given a calendar year, runs 1 January to 31 December', () => {
    expect(periodOf(choice({ kind: 'calendar-year', year: 2024 }))).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });
  it('given each quarter, runs over its three calendar months', () => {
    expect([1, 2, 3, 4].map((quarter) => periodOf(choice({ kind: 'quarter', year: 2025, quarter: quarter as 1 }))))
      .toEqual([
        { from: '2025-01-01', to: '2025-03-31' }, { from: '2025-04-01', to: '2025-06-30' },
        { from: '2025-07-01', to: '2025-09-30' }, { from: '2025-10-01', to: '2025-12-31' },
      ]);
  });
  it('given February, ends on the 29th in a leap year and the 28th otherwise', () => {
    expect(periodOf(choice({ kind: 'month', year: 2024, month: 2 }))).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodOf(choice({ kind: 'month', year: 2025, month: 2 }))).toEqual({ from: '2025-02-01', to: '2025-02-28' });
  });
  it('given a valid custom range, answers it; an invalid one has no period and says why', () => {
    expect(periodOf(choice({ kind: 'custom', from: '2025-03-15', to: '2025-05-10' }))).toEqual({ from: '2025-03-15', to: '2025-05-10' });
    expect(periodOf(choice({ kind: 'custom', from: '2025-05-10', to: '2025-03-15' }))).toBeNull();
    expect([customRangeError('2025-02-30', '2025-03-01'), customRangeError('2025-02-01', ''), customRangeError('2025-02-02', '2025-02-01'), customRangeError('2025-02-01', '2025-02-01')])
      .toEqual(['from-invalid', 'to-invalid', 'to-before-from', null]);
  });
});

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(['2024-02-29', '2025-02-29', '2025-13-01', '2025-1-01', '2025-12-31'].map(isCalendarDate)).toEqual([true, false, false, false, true]);
  });
  it('puts January to March in the partnership year that began the April before', () => {
    expect(['2026-03-31', '2026-04-01', '2025-12-02'].map(partnershipYearOf)).toEqual([2025, 2026, 2025]);
  });
});

describe('the picker start', () => {
  it('given a day in February, starts at the partnership year that began the April before, with that quarter and month', () => {
    expect(defaultChoice('2026-02-10')).toEqual({ kind: 'partnership-year', year: 2025, quarter: 1, month: 2, from: '2025-04-01', to: '2026-02-10' });
  });
  it('offers the last years newest first', () => {
    expect(yearsUpTo('2026-02-10', 3)).toEqual([2026, 2025, 2024]);
  });
});

describe('the months of a period', () => {
  it('given a partnership year, answers its twelve months from April', () => {
    const months = monthsOf({ from: '2025-04-01', to: '2026-03-31' });
    expect(months.map((m) => m.month)).toEqual([
      '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03',
    ]);
    expect(months[10]).toEqual({ month: '2026-02', from: '2026-02-01', to: '2026-02-28' });
  });
  it('given a range inside months, cuts the first and last month to it', () => {
    expect(monthsOf({ from: '2025-03-15', to: '2025-05-10' })).toEqual([
      { month: '2025-03', from: '2025-03-15', to: '2025-03-31' },
      { month: '2025-04', from: '2025-04-01', to: '2025-04-30' },
      { month: '2025-05', from: '2025-05-01', to: '2025-05-10' },
    ]);
  });
  it('given one day, answers its month cut to that day', () => {
    expect(monthsOf({ from: '2025-12-31', to: '2025-12-31' })).toEqual([{ month: '2025-12', from: '2025-12-31', to: '2025-12-31' }]);
  });
});
