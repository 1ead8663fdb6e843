import { describe, expect, it } from 'vitest';
import type { CaseListItem } from '../../api/types';
import { contacted, linkOrigin, newestFirst, summarize } from './incoming-list';

const item = (caseId: string, receivedAt: string, extra: Partial<CaseListItem> = {}): CaseListItem => ({
  caseId, org: 'stodcentrum', status: 'open', source: 'handover', receivedAt, assigneeId: null, slaState: 'ok', linkSuggested: false, firstContactDueAt: null, ...extra,
});

describe('the incoming list', () => {
  it('given cases in deadline order, lists them by arrival, the newest first, whatever their offsets', () => {
    const items = [item('a', '2026-12-01T09:00:00+01:00'), item('b', '2026-12-02T07:00:00Z'), item('c', '2026-12-01T09:30:00Z')];
    expect(newestFirst(items).map((c) => c.caseId)).toEqual(['b', 'c', 'a']);
  });

  it('counts open cases, those without a case worker and the links', () => {
    const items = [item('a', '2026-12-01T09:00:00Z', { source: 'link' }), item('b', '2026-12-01T10:00:00Z', { assigneeId: 'v1' }), item('c', '2026-12-01T11:00:00Z')];
    expect(summarize(items)).toEqual({ open: 3, unassigned: 2, links: 1 });
  });
});

describe('where a linked case came from', () => {
  it('given a linked case, names the linking org, the moment and who linked it from its CaseReceived', () => {
    const view = {
      receivedAt: '2026-12-02T06:14:47.678Z',
      linkedFrom: { caseId: 'x', org: 'boj-vasterort' },
      history: [{ type: 'CaseReceived', at: '2026-12-02T06:14:47.678Z', by: 'coordinator@boj-vasterort', linkedFrom: { caseId: 'x', org: 'boj-vasterort' } }],
    };
    expect(linkOrigin(view)).toEqual({ org: 'boj-vasterort', at: '2026-12-02T06:14:47.678Z', by: 'coordinator@boj-vasterort' });
  });

  it('given a case that was not linked, has no origin', () => {
    expect(linkOrigin({ receivedAt: '2026-12-02T06:00:00Z', history: [{ type: 'CaseReceived', at: '2026-12-02T06:00:00Z' }] })).toBeNull();
  });

  it('counts a meeting as contact, a contact with another actor not', () => {
    expect(contacted({ history: [{ type: 'ContactRecorded', at: 'x', channel: 'other-actor' }] })).toBe(false);
    expect(contacted({ history: [{ type: 'ContactRecorded', at: 'x', channel: 'meeting' }] })).toBe(true);
  });
});
