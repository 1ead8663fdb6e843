import { caseDecider, defaultSlaPolicy, type CaseCommand, type CaseEvent, type CaseState } from '@referral/case';
import { desiredTimers, possibleTimers } from '../src/deadlines/desired-timers';
import { eventsOf, receiveHandover } from '../../case/testing/case-fixtures';

const stateOf = (events: readonly CaseEvent[]): CaseState => events.reduce(caseDecider.evolve, caseDecider.initialState);
const then = (command: CaseCommand, history: readonly CaseEvent[]) => eventsOf(command, history);
// Received 2025-06-02T08:00Z in an area no jour covers: the city's line is 24 h later.
const triage = eventsOf(receiveHandover({ area: { municipality: 'Uppsala' } }));
const wait = { caseId: 'case-1', kind: 'triage-wait', dueAt: '2025-06-03T08:00:00.000Z' };

describe('the triage-wait timer of a case', () => {
  it('given a case waiting in triage, then a timer at the line is wanted', () => {
    expect(desiredTimers(stateOf(triage))).toEqual([wait]);
  });

  it('given its wait is recorded, then no timer is wanted, and the old one is cancellable', () => {
    const recorded = then({ type: 'CheckTriageWait', caseId: 'case-1', now: '2025-06-03T09:00:00.000Z' }, triage);
    expect(desiredTimers(stateOf(recorded))).toEqual([]);
    expect(possibleTimers(stateOf(recorded))).toEqual([wait]);
  });

  it('given it is resolved, then the clock timers are wanted and the triage wait is cancelled', () => {
    const resolved = then({ type: 'ResolveTriage', caseId: 'case-1', routeTo: 'boj-vasterort', at: '2025-06-02T12:00:00.000Z', sla: defaultSlaPolicy }, triage);
    const wanted = desiredTimers(stateOf(resolved));
    expect(wanted.map((t) => t.kind).sort()).toEqual(['at-risk', 'first-contact', 'reach-attempts']);
    expect(possibleTimers(stateOf(resolved))).toContainEqual(wait);
  });

  it('given a case routed at receipt, then it never has one', () => {
    const routed = stateOf(eventsOf(receiveHandover()));
    expect([...desiredTimers(routed), ...possibleTimers(routed)].map((t) => t.kind)).not.toContain('triage-wait');
  });
});
