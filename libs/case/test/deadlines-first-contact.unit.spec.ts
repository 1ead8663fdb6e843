import { caseDecider } from '../src/case/case-decider';
import type { CaseEvent } from '../src/case/case-events';
import { deciderSpec } from '../testing/decider-spec';
import { CASE_ID, checkDeadlines, closeCase, eventsOf, receiveHandover, recordContact } from '../testing/case-fixtures';

const spec = deciderSpec(caseDecider);
// Received Monday 2 June 2025, 10:00 Stockholm (CEST): first contact due Thursday 5 June, 10:00.
const RECEIVED = '2025-06-02T08:00:00.000Z';
const DUE = '2025-06-05T08:00:00.000Z';
const received = eventsOf(receiveHandover({ handedOverAt: RECEIVED }, { now: RECEIVED }));
const ms = (iso: string, delta: number) => new Date(Date.parse(iso) + delta).toISOString();

const missed = (detectedAt: string, dueAt = DUE): CaseEvent => ({
  type: 'FirstContactDeadlineMissed',
  data: { caseId: CASE_ID, org: 'boj-vasterort', at: dueAt, dueAt, detectedAt, policyVersion: 'sla.v1' },
});
const firstContactOnly = (events: readonly CaseEvent[]) => events.filter((e) => e.type === 'FirstContactDeadlineMissed');
const contact = (at: string, history: readonly CaseEvent[] = received, channel: 'phone' | 'other-actor' = 'phone') =>
  eventsOf(recordContact({ at, now: at, channel }), history);

describe('first-contact deadline: the check at the boundary', () => {
  it('1 ms before the due instant: nothing', () =>
    spec.given(received).when(checkDeadlines(ms(DUE, -1))).then([]));

  it('exactly at the due instant: nothing (missed only strictly after)', () =>
    spec.given(received).when(checkDeadlines(DUE)).then([]));

  it('1 ms after: missed, at = dueAt, detectedAt = now', () =>
    spec.given(received).when(checkDeadlines(ms(DUE, 1))).then([missed(ms(DUE, 1))]));

  it('a second check changes nothing', () => {
    const once = eventsOf(checkDeadlines(ms(DUE, 1)), received);
    spec.given(once).when(checkDeadlines(ms(DUE, 2))).then([]);
    spec.given(once).when(checkDeadlines(ms(DUE, 1))).then([]);
  });

  it('a check days late (the service was down) records the true due time', () =>
    spec
      .given(received)
      .when(checkDeadlines('2025-06-09T13:14:15.000+02:00'))
      .thenEvents((events) => expect(firstContactOnly(events)).toEqual([missed('2025-06-09T11:14:15.000Z')])));

  it('an early check (timer fired too soon) records nothing', () =>
    spec.given(received).when(checkDeadlines('2025-06-03T08:00:00.000Z')).then([]));
});

describe('first-contact deadline: contacts at the boundary', () => {
  it('a contact exactly at the due instant is on time', () =>
    spec.given(contact(DUE)).when(checkDeadlines(ms(DUE, 1))).then([]));

  it('a contact 1 ms after the due instant is late: the breach is recorded', () =>
    spec
      .given(contact(ms(DUE, 1)))
      .when(checkDeadlines(ms(DUE, 2)))
      .then([missed(ms(DUE, 2))]));

  it('a contact with another actor does not meet it', () =>
    spec
      .given(contact('2025-06-03T08:00:00.000Z', received, 'other-actor'))
      .when(checkDeadlines(ms(DUE, 1)))
      .then([missed(ms(DUE, 1))]));
});

describe('first-contact deadline: closed cases', () => {
  it('closed before the due instant: nothing, ever', () => {
    const closed = eventsOf(closeCase({ at: '2025-06-03T08:00:00.000Z', now: '2025-06-03T08:00:00.000Z' }), received);
    spec.given(closed).when(checkDeadlines('2025-07-01T00:00:00.000Z')).then([]);
  });

  it('closed exactly at the due instant: nothing', () => {
    const closed = eventsOf(closeCase({ at: DUE, now: DUE }), received);
    spec.given(closed).when(checkDeadlines('2025-07-01T00:00:00.000Z')).then([]);
  });

  it('closed after the due instant without contact: the breach is still recorded at its true time', () => {
    const closed = eventsOf(closeCase({ reason: 'declined', at: ms(DUE, 60_000), now: ms(DUE, 60_000) }), received);
    spec.given(closed).when(checkDeadlines(ms(DUE, 120_000))).then([missed(ms(DUE, 120_000))]);
  });
});

describe('CheckDeadlines on other cases', () => {
  it('no such case: 404 case-not-found', () =>
    spec.given([]).when(checkDeadlines(DUE)).thenFailure(({ error }) =>
      expect(error).toMatchObject({ code: 'case-not-found', status: 404 })));

  it('a triage case has no clock: nothing', () => {
    const triage = eventsOf(receiveHandover({ handedOverAt: RECEIVED, area: undefined, person: { birthDate: undefined, personalIdentityNumber: undefined } }, { now: RECEIVED }));
    expect(triage[0]!.data).toMatchObject({ status: 'triage' });
    spec.given(triage).when(checkDeadlines('2025-12-01T00:00:00.000Z')).then([]);
  });

  it('an unreadable clock is refused with 400', () =>
    spec.given(received).when(checkDeadlines('tomorrow')).thenFails('validation-failed', /now/));
});
