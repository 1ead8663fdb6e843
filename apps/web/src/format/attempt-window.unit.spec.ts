import { describe, expect, it } from 'vitest';
import { addDays, attemptWindowText } from './attempt-window';

// Wednesday 4 June 2025, 14:00 in Stockholm (CEST, +02:00).
const now = Date.parse('2025-06-04T12:00:00Z');

describe('the next attempt window in words', () => {
  it('given an evening window later today, says "ikväll" with whole hours', () => {
    const next = { from: '2025-06-04T16:00:00Z', to: '2025-06-04T19:00:00Z', evening: true };
    expect(attemptWindowText(next, now, 'sv')).toBe('Ring ikväll 18–21');
    expect(attemptWindowText(next, now, 'en')).toBe('Call tonight 18–21');
  });

  it('given an evening window inside safe hours, keeps the minutes', () => {
    const next = { from: '2025-06-04T17:30:00Z', to: '2025-06-04T18:15:00Z', evening: true };
    expect(attemptWindowText(next, now, 'sv')).toBe('Ring ikväll 19:30–20:15');
  });

  it('given the evening window tomorrow or later in the week, names the day', () => {
    expect(attemptWindowText({ from: '2025-06-05T16:00:00Z', to: '2025-06-05T19:00:00Z', evening: true }, now, 'sv')).toBe('Ring i morgon kväll 18–21');
    expect(attemptWindowText({ from: '2025-06-06T16:00:00Z', to: '2025-06-06T19:00:00Z', evening: true }, now, 'sv')).toBe('Ring fre kväll 18–21');
    expect(attemptWindowText({ from: '2025-06-06T16:00:00Z', to: '2025-06-06T19:00:00Z', evening: true }, now, 'en')).toBe('Call Fri evening 18–21');
    expect(attemptWindowText({ from: '2025-06-12T16:00:00Z', to: '2025-06-12T19:00:00Z', evening: true }, now, 'sv')).toBe('Ring kvällen 12 juni 18–21');
  });

  it('given the evening window open now, says call now and until when', () => {
    const evening = Date.parse('2025-06-04T17:00:00Z');
    const next = { from: '2025-06-04T17:00:00Z', to: '2025-06-04T19:00:00Z', evening: true };
    expect(attemptWindowText(next, evening, 'sv')).toBe('Ring nu ikväll, före 21:00');
  });

  it('given a window open from now, says before when: today, tomorrow, a weekday, a date', () => {
    const from = '2025-06-04T12:00:00Z';
    expect(attemptWindowText({ from, to: '2025-06-04T19:00:00Z', evening: false }, now, 'sv')).toBe('Ring före 21:00 i dag');
    expect(attemptWindowText({ from, to: '2025-06-05T08:00:00Z', evening: false }, now, 'sv')).toBe('Ring före i morgon 10:00');
    expect(attemptWindowText({ from, to: '2025-06-05T12:00:00Z', evening: false }, now, 'en')).toBe('Call before tomorrow 14:00');
    expect(attemptWindowText({ from, to: '2025-06-06T08:00:00Z', evening: false }, now, 'sv')).toBe('Ring före fre 10:00');
    expect(attemptWindowText({ from, to: '2025-06-17T08:00:00Z', evening: false }, now, 'sv')).toBe('Ring före 17 juni 10:00');
  });

  it('given a window that opens later (hours between attempts), says from when too', () => {
    const next = { from: '2025-06-04T14:00:00Z', to: '2025-06-06T08:00:00Z', evening: false };
    expect(attemptWindowText(next, now, 'sv')).toBe('Ring tidigast 16:00 i dag, före fre 10:00');
    expect(attemptWindowText(next, now, 'en')).toBe('Call no earlier than 16:00 today, before Fri 10:00');
  });

  it('given a window that already ended, says as soon as you can', () => {
    expect(attemptWindowText({ from: '2025-06-03T08:00:00Z', to: '2025-06-04T08:00:00Z', evening: false }, now, 'sv')).toBe('Ring så snart du kan');
  });

  it('counts calendar days across a daylight-saving change', () => {
    expect(addDays('2025-03-29', 1)).toBe('2025-03-30');
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });
});
