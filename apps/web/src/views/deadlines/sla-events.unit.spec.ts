import { describe, expect, it } from 'vitest';
import { announcementOf, slaChangeOf, staleKeysOf, withChange } from './sla-events';

const breach = { caseId: 'c-1', org: 'boj-vasterort', slaState: 'breached', change: 'first-contact-missed', dueAt: '2025-06-10T08:00:00.000Z', at: '2025-06-10T08:00:00.000Z' };

describe('a deadline-stream event on the deadlines page', () => {
  it('reads an sla event and ignores heartbeats and what is not a change', () => {
    expect(slaChangeOf({ id: '7', event: 'sla', data: JSON.stringify(breach) })).toEqual(breach);
    expect(slaChangeOf({ id: null, event: 'heartbeat', data: '{"at":"2025-06-10T08:00:00Z"}' })).toBeNull();
    expect(slaChangeOf({ id: '8', event: 'sla', data: '{"caseId":"c-1","org":"x","change":"exploded"}' })).toBeNull();
    expect(slaChangeOf({ id: '9', event: 'sla', data: 'not json' })).toBeNull();
  });

  it('announces breaches, at-risk, retractions and triage waits, and only refreshes on a contact or a closing', () => {
    expect(announcementOf({ ...breach })).toBe('firstContactMissed');
    expect(announcementOf({ ...breach, change: 'reach-attempts-missed' } as never)).toBe('reachAttemptsMissed');
    expect(announcementOf({ ...breach, change: 'at-risk', slaState: 'at-risk' } as never)).toBe('atRisk');
    expect(announcementOf({ ...breach, change: 'breach-retracted', slaState: 'ok' } as never)).toBe('retracted');
    expect(announcementOf({ ...breach, change: 'triage-waiting', org: 'triage' } as never)).toBe('triageWaiting');
    expect(announcementOf({ ...breach, change: 'contacted', slaState: 'ok' } as never)).toBeNull();
    expect(announcementOf({ ...breach, change: 'closed' } as never)).toBeNull();
  });

  it('makes the deadline lists, the worklists and the case itself stale', () => {
    expect(staleKeysOf(breach as never)).toEqual([['sla'], ['cases'], ['case', 'c-1']]);
  });

  it('keeps the latest changes first, each once, at most the limit', () => {
    const recent = [{ id: '2' }, { id: '1' }];
    expect(withChange(recent, { id: '3' }, 2)).toEqual([{ id: '3' }, { id: '2' }]);
    expect(withChange(recent, { id: '2' })).toEqual([{ id: '2' }, { id: '1' }]);
  });
});
