import fc from 'fast-check';
import { addDays, calendarDateOf, daysBetween, formatCalendarDate, parseCalendarDate, shiftDate } from '../src/time/calendar-date';

const date = (text: string) => calendarDateOf(text);

describe('calendar days', () => {
  it('moves across month, year and leap-day ends', () => {
    expect(shiftDate('2025-01-31', 1)).toBe('2025-02-01');
    expect(shiftDate('2024-02-28', 1)).toBe('2024-02-29');
    expect(shiftDate('2025-02-28', 1)).toBe('2025-03-01');
    expect(shiftDate('2025-12-31', 1)).toBe('2026-01-01');
    expect(shiftDate('2025-03-01', -1)).toBe('2025-02-28');
    expect(shiftDate('2024-04-01', -366)).toBe('2023-04-01');
  });

  it('counts whole days across a daylight-saving change (a date has no zone)', () => {
    expect(shiftDate('2025-03-29', 1)).toBe('2025-03-30');
    expect(shiftDate('2025-03-30', 1)).toBe('2025-03-31');
    expect(daysBetween(date('2025-03-29'), date('2025-04-01'))).toBe(3);
    expect(daysBetween(date('2025-10-25'), date('2025-10-28'))).toBe(3);
  });

  it('keeps years 0-99 as they are (Date.UTC would read them as 1900-1999)', () => {
    expect(formatCalendarDate(addDays({ year: 50, month: 6, day: 1 }, 1))).toBe('0050-06-02');
    expect(daysBetween({ year: 99, month: 12, day: 31 }, { year: 100, month: 1, day: 1 })).toBe(1);
  });

  it('counts days between dates, negative when the second is earlier', () => {
    expect(daysBetween(date('2025-06-01'), date('2025-06-01'))).toBe(0);
    expect(daysBetween(date('2024-01-01'), date('2025-01-01'))).toBe(366);
    expect(daysBetween(date('2025-01-01'), date('2024-12-25'))).toBe(-7);
  });

  it('refuses text that is not a real date', () => {
    expect(() => shiftDate('2023-02-29', 1)).toThrow(RangeError);
    expect(() => calendarDateOf('2025-6-1')).toThrow('not a date (YYYY-MM-DD): 2025-6-1');
  });

  it('adding n days and counting them back agree, for any date and n', () => {
    const anyDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -5000, max: 5000 }), (text, n) => {
        const shifted = shiftDate(text, n);
        expect(parseCalendarDate(shifted)).not.toBeNull();
        expect(daysBetween(date(text), date(shifted))).toBe(n);
        expect(shiftDate(shifted, -n)).toBe(text);
      }),
      { seed: 10, numRuns: 300 },
    );
  });
});
