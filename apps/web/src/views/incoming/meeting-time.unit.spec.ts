import { describe, expect, it } from 'vitest';
import { meetingBody, meetingTimeProblem } from './meeting-time';

const received = '2026-12-02T09:15:30.000Z'; // 10:15:30 in Stockholm
const now = Date.parse('2026-12-02T11:00:00Z'); // 12:00

describe("a meeting's time", () => {
  it('refuses an empty field, a time in the future and one before the case arrived', () => {
    expect(meetingTimeProblem('', now, received)).toBe('missing');
    expect(meetingTimeProblem('2026-12-02T12:01', now, received)).toBe('future');
    expect(meetingTimeProblem('2026-12-02T10:14', now, received)).toBe('before-received');
  });

  it('takes the minute the case arrived in and anything up to now', () => {
    expect(meetingTimeProblem('2026-12-02T10:15', now, received)).toBeNull();
    expect(meetingTimeProblem('2026-12-02T12:00', now, received)).toBeNull();
  });

  it('leaves "now" to the service when the time was not changed', () => {
    expect(meetingBody('2026-12-02T12:00', '2026-12-02T12:00', received)).toEqual({ channel: 'meeting', outcome: 'reached' });
  });

  it('sends a changed time, and the arrival minute as the arrival itself', () => {
    expect(meetingBody('2026-12-02T11:30', '2026-12-02T12:00', received).at).toBe('2026-12-02T10:30:00.000Z');
    expect(meetingBody('2026-12-02T10:15', '2026-12-02T12:00', received).at).toBe(received);
  });
});
