import { ORG_IDS } from '@referral/case';
import { breachLabels, breachLateness, knownBreachLabels } from '../../src/metrics/breach-labels';

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

describe('breachLateness', () => {
  it('is the check that recorded the breach minus its due instant, by rule', () => {
    const data = { caseId: 'c0ffee00-0000-4000-8000-000000000002', org: 'boj-vasterort', at: '2026-01-01T10:00:00.000Z', dueAt: '2026-01-01T10:00:00.000Z', detectedAt: '2026-01-01T10:00:01.250Z' };
    expect(breachLateness({ type: 'FirstContactDeadlineMissed', data })).toEqual({ rule: 'first-contact', seconds: 1.25 });
    expect(breachLateness({ type: 'TriageWaitExceeded', data: { ...data, org: 'triage', detectedAt: '2026-01-01T12:00:00.000Z' } })).toEqual({ rule: 'triage-wait', seconds: 7200 });
  });

  it('is nothing for other events or a breach without both instants', () => {
    expect(breachLateness({ type: 'ContactRecorded', data: { at: '2026-01-01T10:00:00.000Z', detectedAt: '2026-01-01T10:00:05.000Z' } })).toBeNull();
    expect(breachLateness({ type: 'FirstContactDeadlineMissed', data: { at: '2026-01-01T10:00:00.000Z' } })).toBeNull();
  });
});
