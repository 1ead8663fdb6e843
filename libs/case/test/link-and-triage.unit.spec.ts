import { caseDecider } from '../src/case/case-decider';
import { CaseEvent, PersonLinked } from '../src/case/case-events';
import { CaseRecord } from '../src/case/case-state';
import { ResolveTriage } from '../src/case/case-commands';
import { openLinkedCaseCommand } from '../src/case/handlers/open-linked-case';
import { defaultSlaPolicy } from '../src/config/default-policies';
import { deciderSpec, stateAfter } from '../testing/decider-spec';
import { NOW, RECEIVED_AT, eventsOf, linkToOtherParty, receiveHandover, registerCase } from '../testing/case-fixtures';

const spec = deciderSpec(caseDecider);
// A 19-year-old who turned to Västerort themselves: a jour case with a link suggested.
const youngAtJour = eventsOf(registerCase({ person: { role: 'victim', gender: 'male', givenName: 'Unga', birthDate: '2006-01-01' }, note: 'Ringde själv' }));
const adultAtStodcentrum = eventsOf(registerCase({ org: 'stodcentrum' }));
const triageCase = eventsOf(receiveHandover({ area: { municipality: 'Uppsala' } }));

const resolve = (changes: Partial<ResolveTriage> = {}): ResolveTriage => ({
  type: 'ResolveTriage',
  caseId: 'case-1',
  routeTo: 'boj-sodra-stockholm',
  at: '2025-06-03T07:00:00.000Z',
  sla: defaultSlaPolicy,
  by: 'city-coord',
  ...changes,
});

describe('LinkToOtherParty', () => {
  it('given a jour case of a 19-year-old, when linked to Stödcentrum with consent, then PersonLinked', () => {
    expect(youngAtJour[0]!.data).toMatchObject({ linkSuggested: true, routing: { reason: 'registered', subjectAge: 19 } });
    spec.given(youngAtJour).when(linkToOtherParty({ note: 'Vill bli kontaktad', by: 'vol-1' })).then([
      {
        type: 'PersonLinked',
        data: {
          caseId: 'case-1',
          org: 'boj-vasterort',
          to: 'stodcentrum',
          linkedCaseId: 'case-2',
          at: '2025-06-03T08:00:00.000Z',
          by: 'vol-1',
          personalData: { note: 'Vill bli kontaktad' },
        },
      },
    ]);
  });

  it('needs the person’s consent', () =>
    spec.given(youngAtJour).when(linkToOtherParty({ consent: false })).thenFailure(({ error }) =>
      expect(error).toMatchObject({ code: 'consent-required', status: 422 }),
    ));

  it('goes only between a jour and Stödcentrum', () => {
    spec.given(youngAtJour).when(linkToOtherParty({ to: 'boj-sodra-stockholm' })).thenFails('link-not-allowed');
    spec.given(adultAtStodcentrum).when(linkToOtherParty({ to: 'stodcentrum' })).thenFails('link-not-allowed');
    spec.given(adultAtStodcentrum).when(linkToOtherParty({ to: 'boj-vasterort' })).thenEvents((events) =>
      expect(events[0]).toMatchObject({ data: { org: 'stodcentrum', to: 'boj-vasterort' } }),
    );
  });

  it('happens once per case', () =>
    spec.given(eventsOf(linkToOtherParty(), youngAtJour)).when(linkToOtherParty()).thenFails('already-linked'));

  it('refuses a moment before receipt or in the future', () => {
    spec.given(youngAtJour).when(linkToOtherParty({ at: '2025-06-01T00:00:00Z' })).thenFails('validation-failed');
    spec.given(youngAtJour).when(linkToOtherParty({ at: '2025-07-01T00:00:00Z' })).thenFails('validation-failed');
  });

  it('is refused while the case waits in triage', () =>
    spec.given(triageCase).when(linkToOtherParty()).thenFails('case-in-triage'));
});

describe('OpenLinkedCase', () => {
  const history = eventsOf(linkToOtherParty({ note: 'Vill bli kontaktad' }), youngAtJour);
  const source = stateAfter(caseDecider, history) as CaseRecord;
  const linked = history.at(-1) as PersonLinked;
  const command = openLinkedCaseCommand(source, linked, defaultSlaPolicy);

  it('given no case, opens the receiver’s case, received at the link’s moment, with source link', () =>
    spec.given([]).when(command).then([
      {
        type: 'CaseReceived',
        data: {
          caseId: 'case-2',
          org: 'stodcentrum',
          status: 'open',
          source: 'link',
          at: '2025-06-03T08:00:00.000Z',
          linkedFrom: { caseId: 'case-1', org: 'boj-vasterort' },
          routing: { routedTo: 'stodcentrum', reason: 'linked', subjectAge: 19, ageSource: 'birth-date', birthDateMismatch: false },
          linkSuggested: false,
          anonymous: false,
          crime: { category: 'bedrageri', flags: [] },
          person: { role: 'victim', gender: 'male' },
          sla: defaultSlaPolicy.byOrg.stodcentrum,
          personalData: { givenName: 'Unga', birthDate: '2006-01-01', note: 'Vill bli kontaktad' },
        },
      },
    ]));

  it('the source case knows where the person went', () => expect(source.linkedTo).toEqual({ caseId: 'case-2', org: 'stodcentrum' }));

  it('twice is a conflict', () => spec.given(eventsOf(command)).when(command).thenFails('case-already-exists'));
});

describe('ResolveTriage', () => {
  it('given a triage case, when a coordinator routes it, then it opens there and its clock starts', () => {
    spec.given(triageCase).when(resolve()).then([
      {
        type: 'TriageResolved',
        data: {
          caseId: 'case-1',
          org: 'boj-sodra-stockholm',
          at: '2025-06-03T07:00:00.000Z',
          linkSuggested: false,
          sla: defaultSlaPolicy.byOrg['boj-sodra-stockholm'],
          by: 'city-coord',
        },
      },
    ]);
    const state = stateAfter(caseDecider, eventsOf(resolve(), triageCase)) as CaseRecord;
    expect(state).toMatchObject({ status: 'open', org: 'boj-sodra-stockholm', slaClockStartedAt: '2025-06-03T07:00:00.000Z' });
  });

  it('suggests no link for a person whose age is unknown', () => {
    const unknownAge: CaseEvent[] = eventsOf(receiveHandover({ person: { role: 'relative' }, victimBirthDate: undefined }));
    expect(unknownAge[0]!.data).toMatchObject({ status: 'triage', routing: { subjectAge: null } });
    spec.given(unknownAge).when(resolve()).thenEvents(([event]) => expect(event!.data).toMatchObject({ linkSuggested: false }));
  });

  it('refuses a case that is not in triage, and a moment before receipt', () => {
    spec.given(youngAtJour).when(resolve()).thenFails('case-not-in-triage');
    spec.given(triageCase).when(resolve({ at: '2025-06-01T00:00:00Z' })).thenFails('validation-failed');
  });

  it('after resolution the case can be worked', () =>
    spec.given(eventsOf(resolve(), triageCase)).when(linkToOtherParty({ to: 'stodcentrum' })).thenEvents((events) =>
      expect(events).toHaveLength(1),
    ));
});

describe('RegisterCase', () => {
  it('keeps the case at the registering org whatever its area, with no consent rule', () =>
    expect(eventsOf(registerCase({ area: { municipality: 'Uppsala' } }))[0]!.data).toMatchObject({
      org: 'boj-vasterort',
      status: 'open',
      source: 'self-referral',
      at: RECEIVED_AT,
      routing: { routedTo: 'boj-vasterort', reason: 'registered' },
      linkSuggested: false,
    }));

  it('an anonymous case carries no name, number or contact data', () => {
    spec
      .given([])
      .when(registerCase({ anonymous: true }))
      .thenFailure(({ error }) =>
        expect(error.details?.map((d) => d.path)).toEqual(['person.givenName', 'person.familyName', 'person.phone', 'person.email']),
      );
    spec
      .given([])
      .when(registerCase({ anonymous: true, source: 'other-actor', person: { role: 'witness', gender: 'unknown', birthDate: '1970-01-01' } }))
      .thenEvents(([event]) =>
        expect(event!.data).toMatchObject({ anonymous: true, source: 'other-actor', personalData: { birthDate: '1970-01-01' } }),
      );
  });

  it('Stödcentrum holding an adult gets no link suggestion (the contract marks jour cases only)', () =>
    expect(adultAtStodcentrum[0]!.data).toMatchObject({ org: 'stodcentrum', linkSuggested: false }));

  it('refuses a receipt in the future', () =>
    spec.given([]).when(registerCase({ receivedAt: '2025-06-20T12:00:01Z', now: NOW })).thenFails('validation-failed', /receivedAt/));
});
