import { caseDecider } from '../src/case/case-decider';
import { CaseEvent } from '../src/case/case-events';
import { deciderSpec } from '../testing/decider-spec';
import { closeCase, eventsOf, receiveHandover, recordContact } from '../testing/case-fixtures';

const spec = deciderSpec(caseDecider);
// Received in January so that contacts can fall on both daylight-saving change days.
const RECEIVED = '2025-01-10T08:00:00.000Z';
const NOW = '2025-12-01T12:00:00.000Z';
const received = eventsOf(receiveHandover({ handedOverAt: RECEIVED }, { now: NOW }));

const call = (at: string, history: readonly CaseEvent[] = received) =>
  eventsOf(recordContact({ at, now: NOW }), history);
const calls = (...moments: string[]) => moments.reduce<CaseEvent[]>((history, at) => call(at, history), received);

describe('the evening window, 18:00-21:00 Europe/Stockholm', () => {
  it.each([
    ['winter time, 17:59:59 local', '2025-01-15T16:59:59Z', false],
    ['winter time, 18:00:00 local', '2025-01-15T17:00:00Z', true],
    ['winter time, 20:59:59 local', '2025-01-15T19:59:59Z', true],
    ['winter time, 21:00:00 local', '2025-01-15T20:00:00Z', false],
    ['summer time, 17:59:59 local', '2025-06-15T15:59:59Z', false],
    ['summer time, 18:00:00 local', '2025-06-15T16:00:00Z', true],
    ['spring-forward day (30 March), 17:59:59 local', '2025-03-30T15:59:59Z', false],
    ['spring-forward day (30 March), 18:00:00 local', '2025-03-30T16:00:00Z', true],
    ['fall-back day (26 October), 17:59:59 local', '2025-10-26T16:59:59Z', false],
    ['fall-back day (26 October), 18:00:00 local', '2025-10-26T17:00:00Z', true],
  ])('%s: in the window is %s', (_what, at, expected) =>
    spec
      .given(received)
      .when(recordContact({ at, now: NOW }))
      .thenEvents(([event]) => expect(event!.data).toMatchObject({ inEveningWindow: expected })));
});

describe('closing as unreachable', () => {
  const DAY = '2025-01-13';
  const morning = (n: number) => `${DAY}T0${n}:00:00Z`;
  const eveningCall = `${DAY}T17:30:00Z`; // 18:30 local

  it('given no calls, refuses and names everything missing', () =>
    spec.given(received).when(closeCase({ reason: 'unreachable', now: NOW, at: NOW })).thenFailure(({ error }) =>
      expect(error).toEqual({
        code: 'reach-attempts-not-met',
        status: 409,
        message: 'Cannot close as unreachable: 0 of 3 phone attempts; none in the evening',
      }),
    ));

  it('given two daytime calls, refuses: "2 of 3 phone attempts; none in the evening"', () =>
    spec
      .given(calls(morning(8), morning(9)))
      .when(closeCase({ reason: 'unreachable', now: NOW, at: NOW }))
      .thenFails('reach-attempts-not-met', /: 2 of 3 phone attempts; none in the evening$/));

  it('given three daytime calls, refuses for want of an evening call', () =>
    spec
      .given(calls(morning(7), morning(8), morning(9)))
      .when(closeCase({ reason: 'unreachable', now: NOW, at: NOW }))
      .thenFails('reach-attempts-not-met', /: none in the evening$/));

  it('given two calls, one in the evening, refuses for the third', () =>
    spec
      .given(calls(morning(8), eveningCall))
      .when(closeCase({ reason: 'unreachable', now: NOW, at: NOW }))
      .thenFails('reach-attempts-not-met', /: 2 of 3 phone attempts$/));

  it('calls by SMS or a contact with another actor do not count', () => {
    const history = [
      ...calls(morning(8), eveningCall),
      ...eventsOf(recordContact({ channel: 'sms', at: morning(9), now: NOW }), received).slice(received.length),
      ...eventsOf(recordContact({ channel: 'other-actor', at: morning(9), now: NOW }), received).slice(received.length),
    ];
    spec.given(history).when(closeCase({ reason: 'unreachable', now: NOW, at: NOW })).thenFails('reach-attempts-not-met');
  });

  it('given three calls, one in the evening, closes and records the rule as met', () =>
    spec
      .given(calls(morning(8), morning(9), eveningCall))
      .when(closeCase({ reason: 'unreachable', now: NOW, at: NOW }))
      .thenEvents(([event]) =>
        expect(event!.data).toMatchObject({
          reason: 'unreachable',
          reachAttempts: { phoneAttempts: 3, eveningAttempts: 1, met: true },
        }),
      ));

  it('with a coordinator override and a reason, closes and keeps the override, its free-text reason as personal data', () =>
    spec
      .given(calls(morning(8)))
      .when(closeCase({ reason: 'unreachable', now: NOW, at: NOW, override: { reason: ' Nummer saknas ' }, by: 'coord-1' }))
      .then([
        {
          type: 'CaseClosed',
          data: {
            caseId: 'case-1',
            org: 'boj-vasterort',
            reason: 'unreachable',
            at: NOW,
            reachAttempts: { phoneAttempts: 1, eveningAttempts: 0, met: false },
            override: {},
            by: 'coord-1',
            personalData: { overrideReason: 'Nummer saknas' },
          },
        },
      ]));

  it('after erasure, refuses an override (its reason could not be kept) but closes without one', () => {
    const erased: CaseEvent[] = [
      ...received,
      { type: 'PersonalDataErased', data: { caseId: 'case-1', org: 'boj-vasterort', at: NOW, reason: 'Begärt' } },
    ];
    spec.given(erased).when(closeCase({ reason: 'unreachable', now: NOW, at: NOW, override: { reason: 'Nummer saknas' } })).thenFails('personal-data-erased');
    spec.given(erased).when(closeCase({ reason: 'declined', now: NOW, at: NOW })).thenEvents((events) => expect(events).toHaveLength(1));
  });

  it('an override without a reason is bad input', () =>
    spec
      .given(received)
      .when(closeCase({ reason: 'unreachable', now: NOW, at: NOW, override: { reason: '  ' } }))
      .thenFailure(({ error }) => expect(error.details).toEqual([{ path: 'override.reason', message: 'must not be empty' }])));

  it('other reasons need no attempts', () =>
    spec.given(received).when(closeCase({ reason: 'declined', now: NOW, at: NOW })).thenEvents((events) => expect(events).toHaveLength(1)));
});
