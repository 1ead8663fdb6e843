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

  it('refuses an instant without an offset (a wall time is not an instant)', () => {
    expect(parseInstant('2025-03-01T14:30:00')).toBeNull();
    expect(parseInstant('2025-03-01')).toBeNull();
    expect(parseInstant('2025-03-01T14:30:00+0100')).toBeNull();
  });

  it('refuses a day the calendar does not have instead of rolling it over', () => {
    expect(parseInstant('2025-13-01T10:00:00Z')).toBeNull();
    expect(parseInstant('2025-00-10T10:00:00Z')).toBeNull();
    expect(parseInstant('2025-02-29T10:00:00Z')).toBeNull();
    expect(parseInstant('2025-04-31T10:00:00Z')).toBeNull();
    expect(utc('2024-02-29T10:00:00Z')).toBe('2024-02-29T10:00:00.000Z');
  });

  it('refuses 24:00 (not the next midnight) and a leap second', () => {
    expect(parseInstant('2025-01-01T24:00:00Z')).toBeNull();
    expect(parseInstant('2016-12-31T23:59:60Z')).toBeNull();
    expect(parseInstant('2025-01-01T10:60:00Z')).toBeNull();
  });

  it('refuses offsets out of range and other shapes', () => {
    expect(parseInstant('2025-01-01T10:00:00+24:00')).toBeNull();
    expect(parseInstant('2025-01-01T10:00:00+01:60')).toBeNull();
    expect(parseInstant('+002025-01-01T10:00:00Z')).toBeNull();
    expect(parseInstant(' 2025-01-01T10:00:00Z')).toBeNull();
    expect(parseInstant('')).toBeNull();
  });
});
