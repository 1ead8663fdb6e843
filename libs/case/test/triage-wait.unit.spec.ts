import { caseDecider } from '../src/case/case-decider';
import { CheckTriageWait } from '../src/case/case-commands';
import { CaseEvent, TriageWaitExceeded } from '../src/case/case-events';
import { defaultSlaPolicy } from '../src/config/default-policies';
import { pendingTriageWait } from '../src/triage/triage-wait';
import { deciderSpec, stateAfter } from '../testing/decider-spec';
import { CASE_ID, RECEIVED_AT, closeCase, eventsOf, receiveHandover } from '../testing/case-fixtures';

const spec = deciderSpec(caseDecider);
// An area no jour covers: the handover waits in the city's triage queue, received 2025-06-02 08:00 UTC.
const triageCase = eventsOf(receiveHandover({ area: { municipality: 'Uppsala' } }));
const LINE = '2025-06-03T08:00:00.000Z'; // received + 24 h (sla.v1: city.triageAlertHours)
const justAfter = '2025-06-03T08:00:00.001Z';
const check = (now: string): CheckTriageWait => ({ type: 'CheckTriageWait', caseId: CASE_ID, now });
const exceeded = (detectedAt: string): TriageWaitExceeded => ({
  type: 'TriageWaitExceeded',
  data: {
    caseId: CASE_ID, org: 'triage', receivedAt: RECEIVED_AT, at: LINE, triageAlertHours: 24, detectedAt, policyVersion: 'sla.v1',
  },
});
const resolvedAt = (at: string): CaseEvent[] =>
  eventsOf({ type: 'ResolveTriage', caseId: CASE_ID, routeTo: 'boj-sodra-stockholm', at, sla: defaultSlaPolicy }, triageCase);

describe('the city watch over a triage case (CheckTriageWait)', () => {
  it('given a handover routed to triage, it carries the city terms of its receipt', () => {
    expect(triageCase[0]!.data).toMatchObject({ status: 'triage', triageTerms: { policyVersion: 'sla.v1', triageAlertHours: 24 } });
    expect(pendingTriageWait(stateAfter(caseDecider, triageCase))).toEqual({ dueAt: LINE });
  });

  it('given a case routed to an org at receipt, it has no triage watch', () => {
    const routed = eventsOf(receiveHandover());
    expect(routed[0]!.data).not.toHaveProperty('triageTerms');
    spec.given(routed).when(check('2025-06-10T00:00:00.000Z')).then([]);
  });

  it('given a triage case, when checked exactly at the line, then nothing (it has not waited more than 24 h)', () =>
    spec.given(triageCase).when(check(LINE)).then([]));

  it('given a triage case, when checked 1 ms before the line, then nothing', () =>
    spec.given(triageCase).when(check('2025-06-03T07:59:59.999Z')).then([]));

  it('given a triage case, when checked 1 ms after the line, then the wait is recorded at the line', () =>
    spec.given(triageCase).when(check(justAfter)).then([exceeded(justAfter)]));

  it('given the service was down across the line, when checked days later, then recorded at its true time', () =>
    spec.given(triageCase).when(check('2025-06-05T10:30:00.000Z')).then([exceeded('2025-06-05T10:30:00.000Z')]));

  it('given the wait is recorded, when checked again, then nothing more, and no timer is wanted', () => {
    const recorded = [...triageCase, exceeded(justAfter)];
    spec.given(recorded).when(check('2025-06-04T08:00:00.000Z')).then([]);
    expect(pendingTriageWait(stateAfter(caseDecider, recorded))).toBeNull();
  });

  it('given the case was resolved before the line, when checked after it, then nothing', () => {
    const resolved = resolvedAt('2025-06-03T07:59:59.999Z');
    spec.given(resolved).when(check(justAfter)).then([]);
    expect(pendingTriageWait(stateAfter(caseDecider, resolved))).toBeNull();
  });

  it('given the case was resolved exactly at the line, when checked after it, then nothing', () =>
    spec.given(resolvedAt(LINE)).when(check(justAfter)).then([]));

  it('given the case was closed in triage, when checked after the line, then nothing', () =>
    spec.given(eventsOf(closeCase({ reason: 'duplicate', at: '2025-06-02T12:00:00.000Z' }), triageCase)).when(check(justAfter)).then([]));

  it('given a triage case received before triage terms existed, then no watch and nothing recorded', () => {
    const [received] = triageCase;
    if (received?.type !== 'CaseReceived') throw new Error('expected CaseReceived');
    const { triageTerms: _terms, ...older } = received.data;
    const olderCase: CaseEvent[] = [{ type: 'CaseReceived', data: older }];
    spec.given(olderCase).when(check('2025-06-10T00:00:00.000Z')).then([]);
    expect(pendingTriageWait(stateAfter(caseDecider, olderCase))).toBeNull();
  });

  it('given another city line in the policy, the line moves with it', () => {
    const eight = { ...defaultSlaPolicy, triage: { policyVersion: 'sla.v1', triageAlertHours: 8 } };
    const short = eventsOf(receiveHandover({ area: { municipality: 'Uppsala' } }, { sla: eight }));
    spec.given(short).when(check('2025-06-02T16:00:00.001Z')).thenEvents((events) =>
      expect(events).toEqual([expect.objectContaining({ data: expect.objectContaining({ at: '2025-06-02T16:00:00.000Z', triageAlertHours: 8 }) })]));
  });

  it('refuses an unknown case and an unreadable clock', () => {
    spec.given([]).when(check(justAfter)).thenFails('case-not-found');
    spec.given(triageCase).when(check('tomorrow')).thenFailure(({ error }) =>
      expect(error).toMatchObject({ status: 400, details: [{ path: 'now', message: expect.any(String) }] }));
  });
});
