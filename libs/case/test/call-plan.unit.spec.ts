import type { ContactFact } from '../src/case/case-state';
import { isInEveningWindow } from '../src/case/evening-window';
import { defaultSlaPolicy } from '../src/config/default-policies';
import { planCalls, type CallPlanInput } from '../src/planning/call-plan';
import { nextSharedOpenEvening } from '../src/planning/shared-open-evening';

const terms = defaultSlaPolicy.byOrg['boj-vasterort'];
// Received Monday 2 June 2025, 10:00 Stockholm (CEST, +02:00): first contact due Thursday 10:00.
const RECEIVED = '2025-06-02T08:00:00.000Z';
const call = (at: string, outcome: ContactFact['outcome'] = 'no-answer'): ContactFact => ({
  channel: 'phone', outcome, at: new Date(at).toISOString(), towardsPerson: true,
  reached: outcome === 'reached', inEveningWindow: isInEveningWindow(Date.parse(at), terms),
});
const plan = (changes: Partial<CallPlanInput>) =>
  planCalls({ status: 'open', terms, clockStartedAt: RECEIVED, contacts: [], safeHours: null, minHoursBetweenAttempts: 2, now: '2025-06-02T12:00:00+02:00', ...changes });

describe('planCalls', () => {
  it('given nobody contacted yet, then the next attempt is from now until the first-contact deadline', () => {
    expect(plan({})).toEqual({
      reachAttempts: { phone: 0, evening: 0, required: { phone: 3, evening: 1 }, dueAt: '2025-06-16T08:00:00.000Z', met: false },
      nextAttempt: { from: '2025-06-02T10:00:00.000Z', to: '2025-06-05T08:00:00.000Z', evening: false },
    });
  });

  it('given one daytime call an hour ago, then from two hours after it (policy) until the end of that evening', () => {
    const result = plan({ contacts: [call('2025-06-03T11:00:00+02:00')], now: '2025-06-03T12:00:00+02:00' });
    expect(result.reachAttempts).toMatchObject({ phone: 1, evening: 0, met: false });
    expect(result.nextAttempt).toEqual({ from: '2025-06-03T11:00:00.000Z', to: '2025-06-03T19:00:00.000Z', evening: false });
  });

  it('given two daytime calls and none in the evening, then tonight 18:00-21:00 is the window, marked evening', () => {
    const contacts = [call('2025-06-03T09:00:00+02:00'), call('2025-06-04T13:00:00+02:00')];
    expect(plan({ contacts, now: '2025-06-04T14:00:00+02:00' }).nextAttempt).toEqual({
      from: '2025-06-04T16:00:00.000Z', to: '2025-06-04T19:00:00.000Z', evening: true,
    });
  });

  it('given the evening attempt still missing at 22:00, then the window is tomorrow evening (never one that has ended)', () => {
    const contacts = [call('2025-06-03T09:00:00+02:00'), call('2025-06-04T13:00:00+02:00')];
    expect(plan({ contacts, now: '2025-06-04T22:00:00+02:00' }).nextAttempt).toEqual({
      from: '2025-06-05T16:00:00.000Z', to: '2025-06-05T19:00:00.000Z', evening: true,
    });
  });

  it('given safe hours 19:30-20:30, then the evening window is cut to them', () => {
    const contacts = [call('2025-06-03T09:00:00+02:00'), call('2025-06-04T13:00:00+02:00')];
    expect(plan({ contacts, now: '2025-06-04T14:00:00+02:00', safeHours: { from: '19:30', to: '20:30' } }).nextAttempt).toEqual({
      from: '2025-06-04T17:30:00.000Z', to: '2025-06-04T18:30:00.000Z', evening: true,
    });
  });

  it('given daytime safe hours 09:00-12:00 and nobody contacted at 13:00, then tomorrow 09:00-12:00', () => {
    expect(plan({ now: '2025-06-02T13:00:00+02:00', safeHours: { from: '09:00', to: '12:00' } }).nextAttempt).toEqual({
      from: '2025-06-03T07:00:00.000Z', to: '2025-06-03T10:00:00.000Z', evening: false,
    });
  });

  it('given safe hours that leave no evening time, then safety wins: a window in the safe hours, not an evening one', () => {
    const contacts = [call('2025-06-03T09:00:00+02:00'), call('2025-06-04T10:00:00+02:00')];
    expect(plan({ contacts, now: '2025-06-04T14:00:00+02:00', safeHours: { from: '09:00', to: '12:00' } }).nextAttempt).toEqual({
      from: '2025-06-05T07:00:00.000Z', to: '2025-06-05T10:00:00.000Z', evening: false,
    });
  });

  it('given the person reached, or the case closed or in triage, then no next attempt', () => {
    expect(plan({ contacts: [call('2025-06-03T09:00:00+02:00', 'reached')], now: '2025-06-03T10:00:00+02:00' }).nextAttempt).toBeNull();
    expect(plan({ status: 'closed' }).nextAttempt).toBeNull();
    expect(plan({ status: 'triage', terms: null, clockStartedAt: null })).toEqual({
      reachAttempts: { phone: 0, evening: 0, required: { phone: 3, evening: 1 }, dueAt: null, met: false },
      nextAttempt: null,
    });
  });

  it('given three calls, one in the evening, but nobody reached, then the rule is met and calls may go on', () => {
    const contacts = [call('2025-06-03T09:00:00+02:00'), call('2025-06-03T19:00:00+02:00'), call('2025-06-04T10:00:00+02:00')];
    const result = plan({ contacts, now: '2025-06-04T10:30:00+02:00' });
    expect(result.reachAttempts).toMatchObject({ phone: 3, evening: 1, met: true });
    expect(result.nextAttempt).toEqual({ from: '2025-06-04T10:00:00.000Z', to: '2025-06-04T19:00:00.000Z', evening: false });
  });

  it('across the spring-forward night, safe hours 01:30-02:30 end when the clocks jump (02:00 becomes 03:00)', () => {
    const contacts = [call('2025-03-27T09:00:00+01:00'), call('2025-03-28T13:00:00+01:00')];
    const result = plan({ clockStartedAt: '2025-03-27T08:00:00Z', contacts, now: '2025-03-29T23:00:00+01:00', safeHours: { from: '01:30', to: '02:30' } });
    // No evening time is safe, so the window is the safe hours of 30 March: 01:30 CET until the change at 02:00 CET.
    expect(result.nextAttempt).toEqual({ from: '2025-03-30T00:30:00.000Z', to: '2025-03-30T01:00:00.000Z', evening: false });
  });
});

describe('nextSharedOpenEvening', () => {
  const tuesday = { weekday: 2, from: '18:00', to: '20:00' };
  it('answers this week\'s evening until it has ended, then next week\'s', () => {
    expect(nextSharedOpenEvening(tuesday, Date.parse('2025-06-03T19:59:00+02:00'), 'Europe/Stockholm')).toEqual({
      on: '2025-06-03', from: '2025-06-03T16:00:00.000Z', to: '2025-06-03T18:00:00.000Z',
    });
    expect(nextSharedOpenEvening(tuesday, Date.parse('2025-06-03T20:00:00+02:00'), 'Europe/Stockholm')?.on).toBe('2025-06-10');
  });
  it('follows the wall clock across a daylight-saving change, and is null where the org takes no part', () => {
    expect(nextSharedOpenEvening(tuesday, Date.parse('2025-10-25T12:00:00+02:00'), 'Europe/Stockholm')).toEqual({
      on: '2025-10-28', from: '2025-10-28T17:00:00.000Z', to: '2025-10-28T19:00:00.000Z',
    });
    expect(nextSharedOpenEvening(null, Date.parse('2025-06-03T12:00:00Z'), 'Europe/Stockholm')).toBeNull();
  });
});
