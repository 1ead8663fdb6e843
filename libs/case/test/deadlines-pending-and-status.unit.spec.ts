import { caseDecider } from '../src/case/case-decider';
import type { CaseRecord } from '../src/case/case-state';
import { pendingDeadlines } from '../src/deadlines/pending-deadlines';
import { slaStatus } from '../src/deadlines/sla-status';
import { stateAfter } from '../testing/decider-spec';
import { checkDeadlines, closeCase, eventsOf, receiveHandover, recordContact } from '../testing/case-fixtures';

const RECEIVED = '2025-06-02T08:00:00.000Z';
const FIRST_DUE = '2025-06-05T08:00:00.000Z';
const REACH_DUE = '2025-06-16T08:00:00.000Z';
const AT_RISK_FROM = '2025-06-04T08:00:00.000Z';
const received = eventsOf(receiveHandover({ handedOverAt: RECEIVED }, { now: RECEIVED }));
const state = (events = received) => stateAfter(caseDecider, events);
const call = (at: string, events = received, outcome: 'reached' | 'no-answer' = 'no-answer') =>
  eventsOf(recordContact({ at, now: at, outcome }), events);

describe('the deadlines a case keeps', () => {
  it('an open case starts with both deadlines, nothing recorded', () =>
    expect((state() as CaseRecord).deadlines).toEqual({
      firstContact: { dueAt: FIRST_DUE, missedAt: null, detectedAt: null, retractedAt: null },
      reachAttempts: { dueAt: REACH_DUE, missedAt: null, detectedAt: null, retractedAt: null },
    }));

  it('a recorded breach and its retraction are kept on the fact', () => {
    const breached = eventsOf(checkDeadlines('2025-06-06T00:00:00.000Z'), received);
    const retracted = eventsOf(recordContact({ at: FIRST_DUE, now: '2025-06-06T01:00:00.000Z' }), breached);
    expect((state(retracted) as CaseRecord).deadlines.firstContact).toEqual({
      dueAt: FIRST_DUE, missedAt: FIRST_DUE, detectedAt: '2025-06-06T00:00:00.000Z', retractedAt: '2025-06-06T01:00:00.000Z',
    });
  });
});

describe('pendingDeadlines: what a timer must be armed for', () => {
  it('no case, or a triage case: nothing', () => {
    expect(pendingDeadlines(caseDecider.initialState)).toEqual([]);
    const triage = eventsOf(receiveHandover({ handedOverAt: RECEIVED, area: { municipality: 'Uppsala' } }, { now: RECEIVED }));
    expect(pendingDeadlines(state(triage))).toEqual([]);
  });

  it('a fresh case: both, first contact first', () =>
    expect(pendingDeadlines(state())).toEqual([
      { rule: 'first-contact', dueAt: FIRST_DUE },
      { rule: 'reach-attempts', dueAt: REACH_DUE },
    ]));

  it('a first contact on time leaves only the reach rule; reaching the person leaves nothing', () => {
    expect(pendingDeadlines(state(call('2025-06-03T08:00:00.000Z')))).toEqual([{ rule: 'reach-attempts', dueAt: REACH_DUE }]);
    expect(pendingDeadlines(state(call('2025-06-03T08:00:00.000Z', received, 'reached')))).toEqual([]);
  });

  it('a late contact leaves the deadline pending (it was not met)', () =>
    expect(pendingDeadlines(state(call('2025-06-06T08:00:00.000Z')))).toEqual([
      { rule: 'first-contact', dueAt: FIRST_DUE },
      { rule: 'reach-attempts', dueAt: REACH_DUE },
    ]));

  it('a recorded breach is no longer pending', () =>
    expect(pendingDeadlines(state(eventsOf(checkDeadlines('2025-06-06T00:00:00.000Z'), received)))).toEqual([
      { rule: 'reach-attempts', dueAt: REACH_DUE },
    ]));

  it('closed before a due time cancels it; closed after it without a record keeps it pending', () => {
    const closed = eventsOf(closeCase({ at: '2025-06-10T00:00:00.000Z', now: '2025-06-10T00:00:00.000Z' }), received);
    expect(pendingDeadlines(state(closed))).toEqual([{ rule: 'first-contact', dueAt: FIRST_DUE }]);
  });
});

describe('slaStatus', () => {
  it('ok before the at-risk window, at-risk from it on (1 ms before: ok)', () => {
    expect(slaStatus(state(), '2025-06-04T07:59:59.999Z')).toBe('ok');
    expect(slaStatus(state(), AT_RISK_FROM)).toBe('at-risk');
    expect(slaStatus(state(), FIRST_DUE)).toBe('at-risk');
  });

  it('past due, until the breach is recorded, still at risk; then breached', () => {
    expect(slaStatus(state(), '2025-06-05T09:00:00.000Z')).toBe('at-risk');
    const breached = eventsOf(checkDeadlines('2025-06-05T09:00:00.000Z'), received);
    expect(slaStatus(state(breached), '2025-06-05T09:00:00.000Z')).toBe('breached');
  });

  it('a contact towards the person makes it ok; a retraction lifts the breach', () => {
    expect(slaStatus(state(call('2025-06-04T09:00:00.000Z')), '2025-06-04T10:00:00.000Z')).toBe('ok');
    const breached = eventsOf(checkDeadlines('2025-06-05T09:00:00.000Z'), received);
    const retracted = eventsOf(recordContact({ at: '2025-06-04T09:00:00.000Z', now: '2025-06-05T10:00:00.000Z' }), breached);
    expect(slaStatus(state(retracted), '2025-06-05T10:00:00.000Z')).toBe('ok');
  });

  it('a reach-attempt breach after an on-time first contact is breached too', () => {
    const contacted = call('2025-06-03T08:00:00.000Z');
    expect(slaStatus(state(eventsOf(checkDeadlines('2025-06-17T00:00:00.000Z'), contacted)), '2025-06-17T00:00:00.000Z')).toBe('breached');
  });

  it('a closed case is never at risk, but a recorded breach stays', () => {
    const closed = eventsOf(closeCase({ at: '2025-06-04T09:00:00.000Z', now: '2025-06-04T09:00:00.000Z' }), received);
    expect(slaStatus(state(closed), '2025-06-04T10:00:00.000Z')).toBe('ok');
    const lateClosed = eventsOf(closeCase({ at: '2025-06-06T00:00:00.000Z', now: '2025-06-06T00:00:00.000Z' }), received);
    expect(slaStatus(state(eventsOf(checkDeadlines('2025-06-07T00:00:00.000Z'), lateClosed)), '2025-06-07T00:00:00.000Z')).toBe('breached');
  });
});
