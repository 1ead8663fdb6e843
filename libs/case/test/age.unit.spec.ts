import { ageAt, ageOn } from '../src/identity/age';
import { parseCalendarDate } from '../src/time/calendar-date';

const date = (text: string) => parseCalendarDate(text)!;
const at = (iso: string) => Date.parse(iso);

describe('age', () => {
  describe('given a leap-day birthday, 2004-02-29', () => {
    const born = date('2004-02-29');

    it('is 20 on 28 February of a non-leap year', () => expect(ageOn(born, date('2025-02-28'))).toBe(20));
    it('turns 21 on 1 March of a non-leap year', () => expect(ageOn(born, date('2025-03-01'))).toBe(21));
    it('turns 20 on 29 February of a leap year', () => {
      expect(ageOn(born, date('2024-02-28'))).toBe(19);
      expect(ageOn(born, date('2024-02-29'))).toBe(20);
    });
  });

  describe('given the 21st birthday, in Stockholm local time', () => {
    const born = date('2004-03-10');

    it('is 20 the day before, to the last second (winter time, UTC+1)', () =>
      expect(ageAt(born, at('2025-03-09T22:59:59.999Z'))).toBe(20));

    it('is 21 from local midnight, while it is still the 9th in UTC', () => {
      expect(ageAt(born, at('2025-03-09T23:00:00Z'))).toBe(21);
      expect(ageAt(born, at('2025-03-09T23:30:00Z'))).toBe(21);
    });

    it('follows summer time (UTC+2) too', () => {
      const summer = date('2004-07-01');
      expect(ageAt(summer, at('2025-06-30T21:59:59Z'))).toBe(20);
      expect(ageAt(summer, at('2025-06-30T22:00:00Z'))).toBe(21);
    });
  });

  it('is 0 on the day of birth', () => expect(ageOn(date('2025-01-01'), date('2025-01-01'))).toBe(0));
});
