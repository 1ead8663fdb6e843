import { isCalendarDate, isDateTimeWithOffset } from '../../src/http/validators/time-formats';

describe('HTTP time validators', () => {
  it('take an instant by the domain rule: explicit offset, a real day, no 24:00 or leap second', () => {
    expect(isDateTimeWithOffset('2025-03-01T14:30:00.123456789+01:00')).toBe(true);
    expect(isDateTimeWithOffset('2025-03-01T14:30:00z')).toBe(true);
    for (const bad of ['2025-03-01T14:30:00', '2025-02-29T10:00:00Z', '2025-01-01T24:00:00Z', '2016-12-31T23:59:60Z', 20250301]) {
      expect(isDateTimeWithOffset(bad)).toBe(false);
    }
  });

  it('take a date only when the calendar has it', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-1', null]) expect(isCalendarDate(bad)).toBe(false);
  });
});
