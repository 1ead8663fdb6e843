import { caseDecider } from '../src/case/case-decider';
import type { CaseEvent } from '../src/case/case-events';
import { deciderSpec } from '../testing/decider-spec';
import { CASE_ID, checkDeadlines, closeCase, eventsOf, receiveHandover, recordContact } from '../testing/case-fixtures';
import type { RecordContact } from '../src/case/case-commands';

const spec = deciderSpec(caseDecider);
// Received Monday 2 June 2025, 10:00 Stockholm (CEST): reach attempts due Monday 16 June, 10:00.
const RECEIVED = '2025-06-02T08:00:00.000Z';
const DUE = '2025-06-16T08:00:00.000Z';
const AFTER = '2025-06-16T08:00:00.001Z';
const received = eventsOf(receiveHandover({ handedOverAt: RECEIVED }, { now: RECEIVED }));

const DAYTIME = ['2025-06-02T09:00:00.000Z', '2025-06-03T09:00:00.000Z', '2025-06-04T09:00:00.000Z'];
const EVENING = '2025-06-04T16:00:00.000Z'; // 18:00:00 local (CEST)
const JUST_BEFORE_EVENING = '2025-06-04T15:59:59.000Z'; // 17:59:59 local

type Call = Partial<RecordContact> & { at: string };
const history = (...calls: Call[]) =>
  calls.reduce<CaseEvent[]>((events, call) => eventsOf(recordContact({ now: call.at, ...call }), events), received);

const reachMissed = (phoneAttempts: number, eveningAttempts: number, detectedAt = AFTER): CaseEvent => ({
  type: 'ReachAttemptsDeadlineMissed',
  data: {
    caseId: CASE_ID, org: 'boj-vasterort', at: DUE, dueAt: DUE, detectedAt, phoneAttempts, eveningAttempts, policyVersion: 'sla.v1',
  },
});

describe('reach-attempt deadline at the boundary', () => {
  const twoDaytime = history({ at: DAYTIME[0]! }, { at: DAYTIME[1]! });

  it('exactly at the due instant: nothing; 1 ms after: missed with the attempts so far', () => {
    spec.given(twoDaytime).when(checkDeadlines(DUE)).then([]);
    spec.given(twoDaytime).when(checkDeadlines('2025-06-16T07:59:59.999Z')).then([]);
    spec.given(twoDaytime).when(checkDeadlines(AFTER)).then([reachMissed(2, 0)]);
  });

  it('a check days late records the true due time, once', () => {
    const late = eventsOf(checkDeadlines('2025-06-20T00:00:00.000Z'), twoDaytime);
    expect(late.slice(twoDaytime.length)).toEqual([reachMissed(2, 0, '2025-06-20T00:00:00.000Z')]);
    spec.given(late).when(checkDeadlines('2025-06-21T00:00:00.000Z')).then([]);
  });

  it('three calls, the last at 17:59:59 local: no evening attempt, breached', () =>
    spec
      .given(history({ at: DAYTIME[0]! }, { at: DAYTIME[1]! }, { at: JUST_BEFORE_EVENING }))
      .when(checkDeadlines(AFTER))
      .then([reachMissed(3, 0)]));

  it('three calls, the last at 18:00:00 local: the rule holds, nothing', () =>
    spec.given(history({ at: DAYTIME[0]! }, { at: DAYTIME[1]! }, { at: EVENING })).when(checkDeadlines(AFTER)).then([]));

  it('an attempt exactly at the due instant counts; 1 ms after does not', () => {
    const base = [{ at: DAYTIME[0]! }, { at: EVENING }];
    spec.given(history(...base, { at: DUE })).when(checkDeadlines(AFTER)).then([]);
    const late = history(...base, { at: AFTER });
    spec.given(late).when(checkDeadlines('2025-06-16T08:00:00.002Z')).then([reachMissed(2, 1, '2025-06-16T08:00:00.002Z')]);
  });

  it('met by reaching the person once, whatever the attempts', () =>
    spec.given(history({ at: DAYTIME[0]!, channel: 'sms', outcome: 'reached' })).when(checkDeadlines(AFTER)).then([]));

  it('closed before the due instant: nothing; closed after it, unreached: recorded', () => {
    const early = eventsOf(closeCase({ at: DAYTIME[2]!, now: DAYTIME[2]! }), history({ at: DAYTIME[0]! }));
    spec.given(early).when(checkDeadlines('2025-07-01T00:00:00.000Z')).then([]);
    const afterDue = eventsOf(closeCase({ at: AFTER, now: AFTER, reason: 'declined' }), received);
    spec
      .given(afterDue)
      .when(checkDeadlines('2025-07-01T00:00:00.000Z'))
      .thenEvents((events) =>
        expect(events.map((e) => e.type)).toEqual(['FirstContactDeadlineMissed', 'ReachAttemptsDeadlineMissed']));
  });
});

describe('a reach-attempt breach retracted by attempts typed in later', () => {
  const breached = eventsOf(checkDeadlines(AFTER), history({ at: DAYTIME[0]! }, { at: DAYTIME[1]! }));
  const TYPED_IN = '2025-06-18T12:00:00.000Z';

  it('an evening call before the due instant, typed in after the breach, retracts it', () =>
    spec
      .given(breached)
      .when(recordContact({ at: EVENING, now: TYPED_IN, by: 'vol-1' }))
      .thenEvents(([, retraction]) =>
        expect(retraction).toEqual({
          type: 'DeadlineBreachRetracted',
          data: { caseId: CASE_ID, org: 'boj-vasterort', rule: 'reach-attempts', at: TYPED_IN, dueAt: DUE, metAt: EVENING, by: 'vol-1' },
        })));

  it('a call that leaves the rule failing retracts nothing', () =>
    spec
      .given(breached)
      .when(recordContact({ at: DAYTIME[2]!, now: TYPED_IN }))
      .thenEvents((events) => expect(events.map((e) => e.type)).toEqual(['ContactRecorded'])));

  it('a call after the due instant retracts nothing, even if the person answers', () =>
    spec
      .given(breached)
      .when(recordContact({ at: AFTER, now: TYPED_IN, outcome: 'reached' }))
      .thenEvents((events) => expect(events.map((e) => e.type)).toEqual(['ContactRecorded'])));

  it('after the retraction a later check does not record it again', () => {
    const retracted = eventsOf(recordContact({ at: EVENING, now: TYPED_IN }), breached);
    spec.given(retracted).when(checkDeadlines('2025-06-30T00:00:00.000Z')).then([]);
  });
});
