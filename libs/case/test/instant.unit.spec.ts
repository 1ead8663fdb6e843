import { normaliseInstant, parseInstant } from '../src/time/instant';

const utc = (text: string) => normaliseInstant(text);

describe('instant parsing: ISO-8601 with an explicit offset, one rule', () => {
  it('reads Z and ±hh:mm offsets, with or without seconds', () => {
    expect(utc('2025-03-01T14:30:00+01:00')).toBe('2025-03-01T13:30:00.000Z');
    expect(utc('2025-03-01T14:30:00-05:30')).toBe('2025-03-01T20:00:00.000Z');
    expect(utc('2025-03-01T14:30Z')).toBe('2025-03-01T14:30:00.000Z');
    expect(utc('2025-03-01T00:00:00-00:00')).toBe('2025-03-01T00:00:00.000Z');
  });

  it('accepts a lower-case z (and t), as RFC 3339 allows', () => {
    expect(utc('2025-03-01T14:30:00z')).toBe('2025-03-01T14:30:00.000Z');
    expect(utc('2025-03-01t14:30:00Z')).toBe('2025-03-01T14:30:00.000Z');
  });

  it('keeps fractional seconds to the millisecond, up to nine digits', () => {
    expect(utc('2025-03-01T14:30:00.5Z')).toBe('2025-03-01T14:30:00.500Z');
    expect(utc('2025-03-01T14:30:00.123456789Z')).toBe('2025-03-01T14:30:00.123Z');
    expect(parseInstant('2025-03-01T14:30:00.1234567891Z')).toBeNull();
    expect(parseInstant('2025-03-01T14:30:00.Z')).toBeNull();
  });

  it('takes the 29th of February in a leap year', () => expect(utc('2024-02-29T10:00:00Z')).toBe('2024-02-29T10:00:00.000Z'));

  it.each([
    ['no offset (a wall time is not an instant)', '2025-03-01T14:30:00'],
    ['a date alone', '2025-03-01'],
    ['an offset without its colon', '2025-03-01T14:30:00+0100'],
    ['month 13', '2025-13-01T10:00:00Z'],
    ['month 00', '2025-00-10T10:00:00Z'],
    ['29 February in a common year (not rolled over to 1 March)', '2025-02-29T10:00:00Z'],
    ['31 April', '2025-04-31T10:00:00Z'],
    ['24:00 (not the next midnight)', '2025-01-01T24:00:00Z'],
    ['a leap second', '2016-12-31T23:59:60Z'],
    ['minute 60', '2025-01-01T10:60:00Z'],
    ['offset hour 24', '2025-01-01T10:00:00+24:00'],
    ['offset minute 60', '2025-01-01T10:00:00+01:60'],
    ['an expanded year', '+002025-01-01T10:00:00Z'],
    ['leading space', ' 2025-01-01T10:00:00Z'],
    ['nothing', ''],
  ])('refuses %s', (_reason, text) => expect(parseInstant(text)).toBeNull());
});
