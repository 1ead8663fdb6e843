import { fromLocalInputValue } from '../../format/time';

export type MeetingTimeProblem = 'missing' | 'future' | 'before-received';

/**
 * Checks the meeting's time field (Stockholm wall time, to the minute) as the API will: not in
 * the future, not before the case was received. A minute-precision field may show the minute the
 * case arrived in, which is fine for the person typing; the body then says "now" (see meetingBody).
 */
export function meetingTimeProblem(value: string, nowMs: number, receivedAt: string): MeetingTimeProblem | null {
  if (!value) return 'missing';
  const at = Date.parse(fromLocalInputValue(value));
  if (Number.isNaN(at)) return 'missing';
  if (at > nowMs) return 'future';
  // The field has no seconds: the minute the case arrived in is allowed, and sent as that minute's end at most.
  if (at + 60_000 <= Date.parse(receivedAt)) return 'before-received';
  return null;
}

/**
 * `POST /cases/{id}/contacts` for a meeting. Left at its initial "now", the time is left out so
 * the service's own clock says when (a device clock a little ahead would be "in the future").
 * A time in the case's arrival minute is sent as the arrival itself.
 */
export function meetingBody(value: string, initialValue: string, receivedAt: string): { channel: 'meeting'; outcome: 'reached'; at?: string } {
  if (value === initialValue) return { channel: 'meeting', outcome: 'reached' };
  const at = fromLocalInputValue(value);
  return { channel: 'meeting', outcome: 'reached', at: Date.parse(at) < Date.parse(receivedAt) ? new Date(receivedAt).toISOString() : at };
}
