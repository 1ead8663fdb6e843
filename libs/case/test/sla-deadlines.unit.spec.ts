import { defaultSlaPolicy } from '../src/config/default-policies';
import { slaDeadlines } from '../src/deadlines/sla-deadlines';

const terms = defaultSlaPolicy.byOrg['boj-vasterort'];

describe('SLA deadlines', () => {
  it('given a case received on an ordinary Monday morning', () =>
    expect(slaDeadlines(terms, '2025-06-02T08:00:00.000Z')).toEqual({
      firstContactDueAt: '2025-06-05T08:00:00.000Z',
      reachAttemptsDueAt: '2025-06-16T08:00:00.000Z',
      atRiskFrom: '2025-06-04T08:00:00.000Z',
    }));

  it('given a case received before spring-forward, first contact is due at the same local time (71 h later)', () =>
    expect(slaDeadlines(terms, '2025-03-28T09:00:00.000Z')?.firstContactDueAt).toBe('2025-03-31T08:00:00.000Z'));

  it('given a case received before fall-back, first contact is due at the same local time (73 h later)', () =>
    expect(slaDeadlines(terms, '2025-10-24T08:00:00.000Z')?.firstContactDueAt).toBe('2025-10-27T09:00:00.000Z'));

  it('an invalid start gives no deadlines', () => expect(slaDeadlines(terms, 'soon')).toBeNull());
});
