import { caseDecider } from '../src/case/case-decider';
import type { CaseEvent } from '../src/case/case-events';
import type { ResolveTriage } from '../src/case/case-commands';
import { defaultSlaPolicy } from '../src/config/default-policies';
import { deciderSpec } from '../testing/decider-spec';
import { CASE_ID, checkDeadlines, eventsOf, receiveHandover, recordContact } from '../testing/case-fixtures';

const spec = deciderSpec(caseDecider);
const HOUR = 3_600_000;
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
const types = (events: readonly CaseEvent[]) => events.map((e) => e.type);
const firstContactDue = (events: readonly CaseEvent[]) =>
  events.filter((e) => e.type === 'FirstContactDeadlineMissed').map((e) => e.data.dueAt);

describe('a first-contact breach retracted by a call typed in after the fact', () => {
  const RECEIVED = '2025-06-02T08:00:00.000Z';
  const DUE = '2025-06-05T08:00:00.000Z';
  const received = eventsOf(receiveHandover({ handedOverAt: RECEIVED }, { now: RECEIVED }));
  const breached = eventsOf(checkDeadlines(plus(DUE, HOUR)), received);
  const TYPED_IN = '2025-06-06T09:30:00.000Z';

  it('a call on the day it was due, typed in the day after, retracts the breach', () =>
    spec
      .given(breached)
      .when(recordContact({ at: '2025-06-05T07:00:00.000Z', now: TYPED_IN }))
      .thenEvents((events) =>
        expect(events[1]).toEqual({
          type: 'DeadlineBreachRetracted',
          data: { caseId: CASE_ID, org: 'boj-vasterort', rule: 'first-contact', at: TYPED_IN, dueAt: DUE, metAt: '2025-06-05T07:00:00.000Z' },
        })));

  it('a call exactly at the due instant retracts it too', () =>
    spec.given(breached).when(recordContact({ at: DUE, now: TYPED_IN })).thenEvents((events) =>
      expect(types(events)).toEqual(['ContactRecorded', 'DeadlineBreachRetracted'])));

  it('a call 1 ms after the due instant does not: the breach stands', () =>
    spec.given(breached).when(recordContact({ at: plus(DUE, 1), now: TYPED_IN })).thenEvents((events) =>
      expect(types(events)).toEqual(['ContactRecorded'])));

  it('a contact with another actor does not', () =>
    spec.given(breached).when(recordContact({ at: RECEIVED, now: TYPED_IN, channel: 'other-actor' })).thenEvents((events) =>
      expect(types(events)).toEqual(['ContactRecorded'])));

  it('once retracted: a later check records nothing, and a second on-time call retracts nothing', () => {
    const retracted = eventsOf(recordContact({ at: '2025-06-04T07:00:00.000Z', now: TYPED_IN }), breached);
    spec.given(retracted).when(checkDeadlines(plus(TYPED_IN, HOUR))).then([]);
    spec.given(retracted).when(recordContact({ at: '2025-06-03T07:00:00.000Z', now: TYPED_IN })).thenEvents((events) =>
      expect(types(events)).toEqual(['ContactRecorded']));
  });

  it('with no breach recorded, an on-time call is just a contact', () =>
    spec.given(received).when(recordContact({ at: '2025-06-03T07:00:00.000Z', now: TYPED_IN })).thenEvents((events) =>
      expect(types(events)).toEqual(['ContactRecorded'])));
});

describe('first contact across daylight-saving changes: same local time, 3 calendar days', () => {
  it('spring-forward: received 27 March 10:00 local, due 30 March 10:00 local, 71 h later', () => {
    const received = eventsOf(receiveHandover({ handedOverAt: '2025-03-27T10:00:00+01:00' }, { now: '2025-03-27T09:00:00Z' }));
    const due = '2025-03-30T08:00:00.000Z'; // 10:00 CEST
    expect(Date.parse(due) - Date.parse('2025-03-27T09:00:00Z')).toBe(71 * HOUR);
    spec.given(received).when(checkDeadlines(due)).then([]);
    spec.given(received).when(checkDeadlines(plus(due, 1))).thenEvents((events) => expect(firstContactDue(events)).toEqual([due]));
    spec.given(eventsOf(recordContact({ at: due, now: due }), received)).when(checkDeadlines(plus(due, 1))).then([]);
  });

  it('fall-back: received 23 October 10:00 local, due 26 October 10:00 local, 73 h later', () => {
    const received = eventsOf(receiveHandover({ handedOverAt: '2025-10-23T10:00:00+02:00' }, { now: '2025-10-23T08:00:00Z' }));
    const due = '2025-10-26T09:00:00.000Z'; // 10:00 CET
    expect(Date.parse(due) - Date.parse('2025-10-23T08:00:00Z')).toBe(73 * HOUR);
    // 72 hours after receipt is still on time.
    spec.given(received).when(checkDeadlines(plus('2025-10-23T08:00:00Z', 72 * HOUR + 1))).then([]);
    spec.given(received).when(checkDeadlines(due)).then([]);
    spec.given(received).when(checkDeadlines(plus(due, 1))).thenEvents((events) => expect(firstContactDue(events)).toEqual([due]));
  });
});

describe('a triage case: the clock starts at resolution', () => {
  const RECEIVED = '2025-06-02T08:00:00.000Z';
  const RESOLVED = '2025-06-04T12:00:00.000Z'; // 14:00 local
  const triage = eventsOf(receiveHandover({ handedOverAt: RECEIVED, area: { municipality: 'Uppsala' } }, { now: RECEIVED }));
  const resolve: ResolveTriage = { type: 'ResolveTriage', caseId: CASE_ID, routeTo: 'boj-vasterort', at: RESOLVED, sla: defaultSlaPolicy };
  const resolved = eventsOf(resolve, triage);

  it('while in triage, any check answers nothing', () =>
    spec.given(triage).when(checkDeadlines('2025-07-30T00:00:00.000Z')).then([]));

  it('after resolution, first contact is due 3 days after the resolution, not the receipt', () => {
    spec.given(resolved).when(checkDeadlines('2025-06-07T12:00:00.000Z')).then([]);
    spec.given(resolved).when(checkDeadlines('2025-06-07T12:00:00.001Z')).thenEvents((events) =>
      expect(events).toEqual([
        {
          type: 'FirstContactDeadlineMissed',
          data: {
            caseId: CASE_ID, org: 'boj-vasterort', at: '2025-06-07T12:00:00.000Z', dueAt: '2025-06-07T12:00:00.000Z',
            detectedAt: '2025-06-07T12:00:00.001Z', policyVersion: 'sla.v1',
          },
        },
      ]));
  });
});
