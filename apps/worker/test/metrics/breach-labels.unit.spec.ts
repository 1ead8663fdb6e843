import { ORG_IDS } from '@referral/case';
import { breachLabels, knownBreachLabels } from '../../src/metrics/breach-labels';

describe('breachLabels', () => {
  const facts = { caseId: 'c0ffee00-0000-4000-8000-000000000001', at: '2026-01-01T10:00:00.000Z', dueAt: '2026-01-01T10:00:00.000Z' };

  it('labels each kind of breach with the org code and the rule, never the case id', () => {
    expect(breachLabels({ type: 'FirstContactDeadlineMissed', data: { ...facts, org: 'boj-vasterort' } })).toEqual({ org: 'boj-vasterort', rule: 'first-contact' });
    expect(breachLabels({ type: 'ReachAttemptsDeadlineMissed', data: { ...facts, org: 'stodcentrum' } })).toEqual({ org: 'stodcentrum', rule: 'reach-attempts' });
    expect(breachLabels({ type: 'TriageWaitExceeded', data: { ...facts, org: 'triage' } })).toEqual({ org: 'triage', rule: 'triage-wait' });
  });

  it('ignores every other event, a retraction included', () => {
    expect(breachLabels({ type: 'DeadlineBreachRetracted', data: { ...facts, org: 'boj-vasterort' } })).toBeNull();
    expect(breachLabels({ type: 'ContactRecorded', data: { ...facts, org: 'boj-vasterort' } })).toBeNull();
  });

  it('says unknown for a breach without an org code rather than dropping it', () => {
    expect(breachLabels({ type: 'FirstContactDeadlineMissed', data: facts })).toEqual({ org: 'unknown', rule: 'first-contact' });
  });

  it('knows every org with both rules, and the triage wait', () => {
    const known = knownBreachLabels();
    expect(known).toHaveLength(ORG_IDS.length * 2 + 1);
    expect(known).toContainEqual({ org: 'boj-vasterort', rule: 'reach-attempts' });
    expect(known).toContainEqual({ org: 'triage', rule: 'triage-wait' });
  });
});
