import { caseDecider } from '../src/case/case-decider';
import { AssignVolunteer } from '../src/case/case-commands';
import { deciderSpec } from '../testing/decider-spec';
import {
  CASE_ID,
  NOW,
  closeCase,
  eventsOf,
  linkToOtherParty,
  receiveHandover,
  recordContact,
} from '../testing/case-fixtures';

const spec = deciderSpec(caseDecider);
const openCase = eventsOf(receiveHandover());
const triageCase = eventsOf(receiveHandover({ area: { municipality: 'Uppsala' } }));
const closedCase = eventsOf(closeCase(), openCase);

const assign = (volunteer: Partial<AssignVolunteer['volunteer']> = {}): AssignVolunteer => ({
  type: 'AssignVolunteer',
  caseId: CASE_ID,
  volunteer: { id: 'vol-1', org: 'boj-vasterort', active: true, basicTrainingPassed: true, ...volunteer },
  at: NOW,
  by: 'coordinator-1',
});

describe('AssignVolunteer', () => {
  it('given an open case, when an active volunteer of its org is assigned, then VolunteerAssigned', () =>
    spec.given(openCase).when(assign()).then([
      {
        type: 'VolunteerAssigned',
        data: { caseId: CASE_ID, org: 'boj-vasterort', volunteerId: 'vol-1', at: NOW, by: 'coordinator-1' },
      },
    ]));

  it('reassigning names the previous volunteer', () =>
    spec
      .given(eventsOf(assign(), openCase))
      .when(assign({ id: 'vol-2' }))
      .thenEvents(([event]) => expect(event!.data).toMatchObject({ volunteerId: 'vol-2', previousVolunteerId: 'vol-1' })));

  it('assigning the current assignee again changes nothing', () =>
    spec.given(eventsOf(assign(), openCase)).when(assign()).then([]));

  it('refuses a volunteer of another org', () =>
    spec.given(openCase).when(assign({ org: 'boj-sodra-stockholm' })).thenFails('volunteer-other-org'));

  it('refuses an inactive volunteer', () => spec.given(openCase).when(assign({ active: false })).thenFails('volunteer-not-active'));

  it('refuses a case in triage, a closed case, and a case that does not exist', () => {
    spec.given(triageCase).when(assign()).thenFails('case-in-triage');
    spec.given(closedCase).when(assign()).thenFails('case-closed');
    spec.given([]).when(assign()).thenFailure(({ error }) => expect(error).toMatchObject({ code: 'case-not-found', status: 404 }));
  });
});

describe('RecordContact', () => {
  it('given an open case, when a call without answer is recorded, then ContactRecorded with its facts', () =>
    spec.given(openCase).when(recordContact({ note: 'Inget svar', by: 'vol-1' })).then([
      {
        type: 'ContactRecorded',
        data: {
          caseId: CASE_ID,
          org: 'boj-vasterort',
          channel: 'phone',
          outcome: 'no-answer',
          at: '2025-06-02T09:00:00.000Z',
          recordedAt: NOW,
          towardsPerson: true,
          reached: false,
          inEveningWindow: false,
          by: 'vol-1',
          personalData: { note: 'Inget svar' },
        },
      },
    ]));

  it('a contact with another actor is not towards the person, and does not reach them', () =>
    spec
      .given(openCase)
      .when(recordContact({ channel: 'other-actor', outcome: 'reached' }))
      .thenEvents(([event]) => expect(event!.data).toMatchObject({ towardsPerson: false, reached: false })));

  it('a meeting or an accompaniment always reaches the person', () => {
    spec.given(openCase).when(recordContact({ channel: 'meeting', outcome: 'reached' })).thenEvents(([event]) =>
      expect(event!.data).toMatchObject({ reached: true }),
    );
    spec
      .given(openCase)
      .when(recordContact({ channel: 'accompaniment', outcome: 'no-answer' }))
      .thenFailure(({ error }) => expect(error.details).toEqual([expect.objectContaining({ path: 'outcome' })]));
  });

  it('refuses a moment in the future or before receipt', () => {
    spec.given(openCase).when(recordContact({ at: '2025-06-20T12:00:01Z' })).thenFails('validation-failed', /at: is in the future/);
    spec
      .given(openCase)
      .when(recordContact({ at: '2025-06-02T07:59:59.999Z' }))
      .thenFails('validation-failed', /at: is before the case was received/);
  });

  it('accepts a contact recorded late, at the moment it happened', () =>
    spec
      .given(openCase)
      .when(recordContact({ at: '2025-06-02T08:00:00+00:00' }))
      .thenEvents(([event]) => expect(event!.data).toMatchObject({ at: '2025-06-02T08:00:00.000Z', recordedAt: NOW })));

  it('refuses a case in triage and a closed case', () => {
    spec.given(triageCase).when(recordContact()).thenFails('case-in-triage');
    spec.given(closedCase).when(recordContact()).thenFails('case-closed');
  });
});

describe('CloseCase', () => {
  it('given an open case, when closed with support given, then CaseClosed', () =>
    spec.given(openCase).when(closeCase({ by: 'vol-1' })).then([
      {
        type: 'CaseClosed',
        data: {
          caseId: CASE_ID,
          org: 'boj-vasterort',
          reason: 'support-given',
          at: NOW,
          reachAttempts: { phoneAttempts: 0, eveningAttempts: 0, met: false },
          by: 'vol-1',
        },
      },
    ]));

  it('a closed case refuses to close again', () => spec.given(closedCase).when(closeCase()).thenFails('case-closed'));

  it('a triage case may be closed (e.g. a duplicate)', () =>
    spec.given(triageCase).when(closeCase({ reason: 'duplicate' })).thenEvents(([event]) =>
      expect(event!.data).toMatchObject({ org: 'triage', reason: 'duplicate' }),
    ));

  it('refuses a closing moment before receipt', () =>
    spec.given(openCase).when(closeCase({ at: '2025-06-01T00:00:00Z' })).thenFails('validation-failed'));

  it('a closed case refuses a link', () => spec.given(closedCase).when(linkToOtherParty()).thenFails('case-closed'));
});
