import { describe, expect, it } from 'vitest';
import type { HistoryEntry, ReachAttempts } from '../api/types';
import { attemptsStillNeeded, firstContactMade, pendingDeadline, personReached } from './case-deadline';

const received: HistoryEntry = { type: 'CaseReceived', at: '2025-06-03T08:00:00Z' };
const call = (outcome: string, channel = 'phone'): HistoryEntry => ({ type: 'ContactRecorded', at: '2025-06-03T09:00:00Z', channel, outcome });
const reach = (over: Partial<ReachAttempts> = {}): ReachAttempts => ({ phone: 0, evening: 0, required: { phone: 3, evening: 1 }, dueAt: '2025-06-17T08:00:00Z', met: false, ...over });
const open = { status: 'open' as const, firstContactDueAt: '2025-06-06T08:00:00Z' };

describe('the deadline a case works towards', () => {
  it('given nobody contacted yet, is the first-contact deadline', () => {
    expect(pendingDeadline({ ...open, history: [received], reachAttempts: reach() })).toEqual({ rule: 'first-contact', dueAt: '2025-06-06T08:00:00Z' });
  });

  it('given only a contact with another actor, is still the first-contact deadline', () => {
    const history = [received, call('reached', 'other-actor')];
    expect(firstContactMade(history)).toBe(false);
    expect(pendingDeadline({ ...open, history, reachAttempts: reach() })?.rule).toBe('first-contact');
  });

  it('given an unanswered call, is the reach-attempt deadline', () => {
    expect(pendingDeadline({ ...open, history: [received, call('no-answer')], reachAttempts: reach({ phone: 1 }) })).toEqual({ rule: 'reach-attempts', dueAt: '2025-06-17T08:00:00Z' });
  });

  it('given the person reached, the rule met, or the case closed, is none', () => {
    const history = [received, call('no-answer'), call('reached', 'meeting')];
    expect(personReached(history)).toBe(true);
    expect(pendingDeadline({ ...open, history, reachAttempts: reach({ phone: 1 }) })).toBeNull();
    expect(pendingDeadline({ ...open, history: [received, call('voicemail')], reachAttempts: reach({ phone: 3, evening: 1, met: true }) })).toBeNull();
    expect(pendingDeadline({ ...open, status: 'closed', history: [received], reachAttempts: reach() })).toBeNull();
  });

  it('counts the attempts still needed, never below zero', () => {
    expect(attemptsStillNeeded(reach({ phone: 2, evening: 0 }))).toEqual({ phone: 1, evening: 1 });
    expect(attemptsStillNeeded(reach({ phone: 4, evening: 2 }))).toEqual({ phone: 0, evening: 0 });
  });
});
