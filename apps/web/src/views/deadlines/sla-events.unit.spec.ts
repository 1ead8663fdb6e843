import { describe, expect, it } from 'vitest';
import type { SlaChangeEvent } from '../../api/types';
import { announcementOf, slaChangeOf, staleKeysOf, withChange } from './sla-events';

const breach: SlaChangeEvent = { caseId: 'c-1', org: 'boj-vasterort', slaState: 'breached', change: 'first-contact-missed', dueAt: '2025-06-10T08:00:00.000Z', at: '2025-06-10T08:00:00.000Z' };

describe('a deadline-stream event on the deadlines page', () => {
  it('reads an sla event and ignores heartbeats and what is not a change', () => {
    expect(slaChangeOf({ id: '7', event: 'sla', data: JSON.stringify(breach) })).toEqual(breach);
    expect(slaChangeOf({ id: null, event: 'heartbeat', data: '{"at":"2025-06-10T08:00:00Z"}' })).toBeNull();
    expect(slaChangeOf({ id: '8', event: 'sla', data: '{"caseId":"c-1","org":"x","change":"exploded"}' })).toBeNull();
    expect(slaChangeOf({ id: '9', event: 'sla', data: 'not json' })).toBeNull();
  });

  it('announces breaches, at-risk, retractions and triage waits, and only refreshes on a contact or a closing', () => {
    expect(announcementOf(breach)).toBe('firstContactMissed');
    expect(announcementOf({ ...breach, change: 'reach-attempts-missed' })).toBe('reachAttemptsMissed');
    expect(announcementOf({ ...breach, change: 'at-risk', slaState: 'at-risk' })).toBe('atRisk');
    expect(announcementOf({ ...breach, change: 'breach-retracted', slaState: 'ok' })).toBe('retracted');
    expect(announcementOf({ ...breach, change: 'triage-waiting', org: 'triage' })).toBe('triageWaiting');
    expect(announcementOf({ ...breach, change: 'contacted', slaState: 'ok' })).toBeNull();
    expect(announcementOf({ ...breach, change: 'closed' })).toBeNull();
  });

  it('makes the deadline lists, the worklists and the case itself stale', () => {
    expect(staleKeysOf(breach)).toEqual([['sla'], ['cases'], ['case', 'c-1']]);
  });

  it('keeps the latest changes first, each once, at most the limit', () => {
    const recent = [{ id: '2' }, { id: '1' }];
    expect(withChange(recent, { id: '3' }, 2)).toEqual([{ id: '3' }, { id: '2' }]);
    expect(withChange(recent, { id: '2' })).toEqual([{ id: '2' }, { id: '1' }]);
  });
});
