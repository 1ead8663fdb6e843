import { parsePersonalIdentityNumber } from '../src/identity/personal-identity-number';
import { CalendarDate } from '../src/time/calendar-date';
import { syntheticPersonnummer, withWrongCheckDigit } from '../testing/synthetic-personnummer';

const ON_2025_06_10: CalendarDate = { year: 2025, month: 6, day: 10 };
const parse = (text: string, on: CalendarDate = ON_2025_06_10) => parsePersonalIdentityNumber(text, on);
const birthDateOf = (text: string, on?: CalendarDate) => {
  const parsed = parse(text, on);
  return parsed.ok ? parsed.value.birthDate : parsed.error.code;
};

describe('personal identity number', () => {
  describe('given the tax agency example numbers (fictional)', () => {
    it('reads the 12-digit form, with and without a separator', () => {
      expect(parse('19811218-9876')).toEqual({
        ok: true,
        value: { kind: 'personnummer', birthDate: '1981-12-18', normalised: '19811218-9876' },
      });
      expect(birthDateOf('198112189876')).toBe('1981-12-18');
    });

    it('reads the 10-digit form in the most recent century that makes the person under 100', () => {
      expect(birthDateOf('811218-9876')).toBe('1981-12-18');
      expect(birthDateOf('8112189876')).toBe('1981-12-18');
    });

    it('reads a + separator as 100 years or older', () => {
      expect(birthDateOf('811218+9876')).toBe('1881-12-18');
    });

    it('reads a samordningsnummer (day + 60)', () => {
      expect(parse('701063-2391')).toEqual({
        ok: true,
        value: { kind: 'samordningsnummer', birthDate: '1970-10-03', normalised: '19701063-2391' },
      });
    });
  });

  describe('given a 10-digit number whose birthday is on the reference date', () => {
    const number = syntheticPersonnummer('2025-06-10');

    it('is a newborn on that day', () => expect(birthDateOf(number, ON_2025_06_10)).toBe('2025-06-10'));

    it('is 99 the day before (a newborn cannot be born tomorrow)', () =>
      expect(birthDateOf(number, { year: 2025, month: 6, day: 9 })).toBe('1925-06-10'));
  });

  it('reads children born this century', () => {
    expect(birthDateOf(syntheticPersonnummer('2010-03-04'))).toBe('2010-03-04');
    expect(birthDateOf(syntheticPersonnummer('2010-03-04', { coordination: true, separator: '' }))).toBe('2010-03-04');
  });

  describe('refuses', () => {
    it('a wrong check digit', () => {
      expect(birthDateOf('811218-9875')).toBe('invalid-check-digit');
      expect(birthDateOf(withWrongCheckDigit(syntheticPersonnummer('1999-01-31', { form: 12 })))).toBe(
        'invalid-check-digit',
      );
    });

    it('a date that does not exist', () => {
      expect(birthDateOf(syntheticPersonnummer('1981-02-30', { form: 12 }))).toBe('invalid-date');
      expect(birthDateOf(syntheticPersonnummer('1981-13-01'))).toBe('invalid-date');
      expect(birthDateOf(syntheticPersonnummer('1981-12-00', { coordination: true }))).toBe('invalid-date');
    });

    it('29 February in a century year that is not a leap year (1900, from +)', () => {
      expect(birthDateOf(syntheticPersonnummer('2000-02-29'))).toBe('2000-02-29');
      expect(birthDateOf(syntheticPersonnummer('2000-02-29', { separator: '+' }))).toBe('invalid-date');
    });

    it('a birth date after the reference date', () => {
      expect(birthDateOf(syntheticPersonnummer('2030-01-01', { form: 12 }))).toBe('born-after-reference-date');
    });

    it('text in another shape', () => {
      for (const text of ['81121-9876', '18811218-9876', '811218 9876', '', 'abcdef-ghij']) {
        expect(birthDateOf(text)).toBe('invalid-format');
      }
    });
  });
});
