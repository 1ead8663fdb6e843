import { describe, expect, it } from 'vitest';
import { addDays, countsPerDay } from './day-counts';

describe('counts per day on the deadlines page', () => {
  it('adds calendar days across a month end and a daylight-saving change', () => {
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
    expect(addDays('2025-06-01', -2)).toBe('2025-05-30');
  });

  it('counts deadlines on today and the coming days and breaches on today and the past days, by Stockholm day', () => {
    const rows = countsPerDay({
      today: '2025-06-10',
      pastDays: 2,
      comingDays: 2,
      // 23:30 UTC on the 10th is already the 11th in Stockholm (summer time, +02:00).
      deadlines: ['2025-06-10T08:00:00Z', '2025-06-10T23:30:00Z', '2025-06-11T09:00:00Z', '2025-06-20T09:00:00Z'],
      breaches: ['2025-06-08T10:00:00Z', '2025-06-10T07:00:00Z', '2025-06-10T08:00:00Z', '2025-06-01T08:00:00Z'],
    });
    expect(rows).toEqual([
      { date: '2025-06-08', isToday: false, deadlines: null, breaches: 1 },
      { date: '2025-06-09', isToday: false, deadlines: null, breaches: 0 },
      { date: '2025-06-10', isToday: true, deadlines: 1, breaches: 2 },
      { date: '2025-06-11', isToday: false, deadlines: 2, breaches: null },
      { date: '2025-06-12', isToday: false, deadlines: 0, breaches: null },
    ]);
  });
});
