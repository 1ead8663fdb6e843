import { describe, expect, it } from 'vitest';
import { fromLocalInputValue, stockholmDate, timeLeft, toLocalInputValue } from './time';

describe('time left to a deadline', () => {
  const now = Date.parse('2026-03-10T10:00:00Z');
  it('given more than a day left, says days and hours', () => {
    expect(timeLeft('2026-03-11T14:30:00Z', now, 'sv')).toEqual({ text: '1 d 4 tim kvar', overdue: false });
  });
  it('given under an hour left, says minutes', () => {
    expect(timeLeft('2026-03-10T10:35:00Z', now, 'en')).toEqual({ text: '35 min left', overdue: false });
  });
  it('given a passed deadline, says how long ago', () => {
    expect(timeLeft('2026-03-10T08:00:00Z', now, 'sv')).toEqual({ text: '2 tim 0 min sedan', overdue: true });
  });
});

describe('Stockholm wall time in forms', () => {
  it('given a summer instant, shows and reads it at +02:00', () => {
    expect(toLocalInputValue(Date.parse('2026-07-01T17:30:00Z'))).toBe('2026-07-01T19:30');
    expect(fromLocalInputValue('2026-07-01T19:30')).toBe('2026-07-01T17:30:00.000Z');
  });
  it('given a winter instant, shows and reads it at +01:00', () => {
    expect(toLocalInputValue(Date.parse('2026-01-15T18:05:00Z'))).toBe('2026-01-15T19:05');
    expect(fromLocalInputValue('2026-01-15T19:05')).toBe('2026-01-15T18:05:00.000Z');
  });
  it('gives the Stockholm date of an instant just after midnight there', () => {
    expect(stockholmDate('2026-01-15T23:30:00Z')).toBe('2026-01-16');
  });
});
