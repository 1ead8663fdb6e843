import { addLocalCalendarDays, instantOfLocal, localDateTimeOf } from '../src/time/zoned-time';

const iso = (ms: number) => new Date(ms).toISOString();
const plus3Days = (at: string) => iso(addLocalCalendarDays(Date.parse(at), 3));

describe('Europe/Stockholm wall-clock time', () => {
  it('reads the local date and time of an instant', () =>
    expect(localDateTimeOf(Date.parse('2025-03-09T23:30:00Z'))).toEqual({
      year: 2025, month: 3, day: 10, hour: 0, minute: 30, second: 0,
    }));

  describe('three calendar days later, same wall-clock time', () => {
    it('is 72 hours on an ordinary week', () => expect(plus3Days('2025-06-02T08:00:00.000Z')).toBe('2025-06-05T08:00:00.000Z'));
    it('is 71 hours across spring-forward (30 March)', () =>
      expect(plus3Days('2025-03-28T09:00:00.000Z')).toBe('2025-03-31T08:00:00.000Z'));
    it('is 73 hours across fall-back (26 October)', () =>
      expect(plus3Days('2025-10-24T08:00:00.000Z')).toBe('2025-10-27T09:00:00.000Z'));
    it('keeps milliseconds', () => expect(plus3Days('2025-06-02T08:00:00.123Z')).toBe('2025-06-05T08:00:00.123Z'));
  });

  it('resolves a wall time skipped in spring to the hour after', () =>
    expect(iso(instantOfLocal({ year: 2025, month: 3, day: 30, hour: 2, minute: 30, second: 0 }))).toBe('2025-03-30T01:30:00.000Z'));

  it('resolves a wall time shown twice in autumn to its first occurrence', () =>
    expect(iso(instantOfLocal({ year: 2025, month: 10, day: 26, hour: 2, minute: 30, second: 0 }))).toBe('2025-10-26T00:30:00.000Z'));
});
