import { caseDecider } from '../src/case/case-decider';
import { CaseReceived } from '../src/case/case-events';
import { defaultSlaPolicy } from '../src/config/default-policies';
import { deciderSpec } from '../testing/decider-spec';
import { CASE_ID, RECEIVED_AT, eventsOf, receiveHandover } from '../testing/case-fixtures';
import { syntheticPersonnummer, withWrongCheckDigit } from '../testing/synthetic-personnummer';

const spec = deciderSpec(caseDecider);
const received = (command = receiveHandover()) => eventsOf(command)[0] as CaseReceived;

describe('ReceiveHandover', () => {
  it('given no case, when an adult in Bromma is handed over, then the case is received by Västerort', () => {
    spec.given([]).when(receiveHandover()).then([
      {
        type: 'CaseReceived',
        data: {
          caseId: CASE_ID,
          org: 'boj-vasterort',
          status: 'open',
          source: 'handover',
          at: RECEIVED_AT,
          handoverId: 'ho-1',
          routing: {
            routedTo: 'boj-vasterort',
            reason: 'area-covered',
            subjectAge: 35,
            ageSource: 'birth-date',
            birthDateMismatch: false,
            matchedArea: { municipality: 'Stockholm', district: 'Bromma' },
          },
          linkSuggested: false,
          anonymous: false,
          crime: { category: 'misshandel', code: '0388', occurredOn: '2025-05-31', flags: ['vald-i-nara-relation'] },
          person: { role: 'victim', gender: 'female', preferredLanguage: 'sv' },
          area: { municipality: 'Stockholm', district: 'Bromma' },
          consent: { subject: true },
          sla: defaultSlaPolicy.byOrg['boj-vasterort'],
          personalData: {
            givenName: 'Testa',
            familyName: 'Testsson',
            birthDate: '1990-05-17',
            phone: '070-000 00 00',
            email: 'testa@example.invalid',
            policeReportNumber: '5000-K000001-25',
          },
        },
      },
    ]);
  });

  it('keeps personal data out of every field but personalData', () => {
    const event = received(receiveHandover({ note: 'Ring efter 17', person: { personalIdentityNumber: '811218-9876' } }));
    const { personalData, ...facts } = event.data;
    const clear = JSON.stringify(facts);
    for (const secret of ['Testa', 'Testsson', '070-000', 'example.invalid', '5000-K', '9876', '1981', 'Ring']) {
      expect(clear).not.toContain(secret);
    }
    expect(personalData).toMatchObject({ personalIdentityNumber: '19811218-9876', note: 'Ring efter 17' });
  });

  describe('age from the personal identity number', () => {
    it('prefers the number when it disagrees with the birth date, and says so', () => {
      const young = syntheticPersonnummer('2010-01-01');
      expect(received(receiveHandover({ person: { personalIdentityNumber: young } })).data).toMatchObject({
        org: 'stodcentrum',
        routing: { subjectAge: 15, ageSource: 'personal-identity-number', birthDateMismatch: true },
      });
    });

    it('refuses a wrong check digit as bad input naming the field', () => {
      const bad = withWrongCheckDigit(syntheticPersonnummer('1980-01-01'));
      spec.given([]).when(receiveHandover({ person: { personalIdentityNumber: bad } })).thenFailure(({ error }) => {
        expect(error).toMatchObject({ code: 'validation-failed', status: 400 });
        expect(error.details).toEqual([{ path: 'person.personalIdentityNumber', message: 'has a wrong check digit' }]);
      });
    });
  });

  describe('a relative goes by the victim', () => {
    it('to Stödcentrum when the victim is young', () =>
      expect(
        received(receiveHandover({ person: { role: 'relative' }, victimBirthDate: '2012-04-01' })).data,
      ).toMatchObject({ org: 'stodcentrum', routing: { subjectAge: 13, ageSource: 'victim-birth-date' } }));

    it('to triage when the victim’s birth date is unknown', () =>
      expect(received(receiveHandover({ person: { role: 'relative' } })).data).toMatchObject({
        org: 'triage',
        status: 'triage',
        sla: null,
        routing: { reason: 'age-unknown' },
      }));
  });

  describe('triage', () => {
    it('takes a person of unknown age', () =>
      expect(received(receiveHandover({ person: { birthDate: undefined } })).data).toMatchObject({
        org: 'triage',
        status: 'triage',
        routing: { reason: 'age-unknown', subjectAge: null },
      }));

    it('takes an adult from an area no jour covers', () =>
      expect(received(receiveHandover({ area: { municipality: 'Uppsala' } })).data).toMatchObject({
        org: 'triage',
        routing: { reason: 'area-not-covered' },
      }));
  });

  describe('consent', () => {
    const born = (years: number, daysMore = 0) => {
      const d = new Date(Date.UTC(2025 - years, 5, 2 - daysMore));
      return d.toISOString().slice(0, 10);
    };

    it('under 15 needs the guardian too: refused, with a refusal fact and no personal data', () => {
      const command = receiveHandover({ person: { birthDate: born(15, -1) }, consent: { subject: true } });
      spec.given([]).when(command).thenFailure(({ error, refusal }) => {
        expect(error).toMatchObject({ code: 'consent-required', status: 422 });
        expect(refusal).toEqual({
        type: 'HandoverRefusedForConsent',
        data: {
          handoverId: 'ho-1',
          at: '2025-06-20T12:00:00.000Z',
          handedOverAt: RECEIVED_AT,
          missing: ['guardian'],
          wouldRouteTo: 'stodcentrum',
          crimeCategory: 'misshandel',
        },
        });
      });
    });

    it('at 15 the person’s own consent suffices', () =>
      spec
        .given([])
        .when(receiveHandover({ person: { birthDate: born(15) }, consent: { subject: true } }))
        .thenEvents((events) => expect(events[0]).toMatchObject({ data: { org: 'stodcentrum', routing: { subjectAge: 15 } } })));

    it('under 15 with both consents is received', () =>
      spec
        .given([])
        .when(receiveHandover({ person: { birthDate: born(14) }, consent: { subject: true, guardian: true } }))
        .thenEvents((events) => expect(events).toHaveLength(1)));

    it('always needs the person’s own consent', () =>
      spec.given([]).when(receiveHandover({ consent: { subject: false, guardian: true } })).thenFails('consent-required', /subject/));

    it('with the age unknown, needs only the person’s own consent', () => {
      const command = receiveHandover({ person: { birthDate: undefined }, consent: { subject: true } });
      spec.given([]).when(command).thenEvents((events) => expect(events[0]).toMatchObject({ data: { status: 'triage' } }));
    });
  });

  describe('refuses bad times', () => {
    it('a handover from the future', () =>
      spec.given([]).when(receiveHandover({ handedOverAt: '2025-06-20T12:00:00.001Z' })).thenFails('validation-failed', /handedOverAt: is in the future/));

    it('a time without offset', () =>
      spec.given([]).when(receiveHandover({ handedOverAt: '2025-06-02T10:00:00' })).thenFails('validation-failed', /handedOverAt/));
  });

  it('given a case, when the same case id is received again, then it conflicts', () =>
    spec.given(eventsOf(receiveHandover())).when(receiveHandover()).thenFails('case-already-exists'));
});
