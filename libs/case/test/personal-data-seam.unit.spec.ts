import { mapPersonalData } from '../src/case/personal-data';
import { CaseEvent } from '../src/case/case-events';
import { closeCase, eventsOf, linkToOtherParty, receiveHandover, recordContact, registerCase } from '../testing/case-fixtures';

const PERSONAL = ['Testa', 'Testsson', '070-000', 'example.invalid', '5000-K000001', 'Hemlig'];

describe('the personal-data seam', () => {
  const handedOver = eventsOf(receiveHandover({ note: 'Hemlig uppgift' }));
  const young = eventsOf(registerCase({ person: { role: 'victim', gender: 'female', givenName: 'Testa', birthDate: '2008-01-01' } }));
  const history: CaseEvent[] = [
    ...eventsOf(recordContact({ note: 'Hemlig anteckning' }), handedOver),
    ...eventsOf(closeCase(), handedOver).slice(1),
    ...eventsOf(closeCase({ reason: 'unreachable', override: { reason: 'Hemligt skäl' } }), handedOver).slice(1),
    ...eventsOf(linkToOtherParty({ note: 'Hemligt' }), young),
  ];

  it('given every kind of event, personal data appears only under personalData', () => {
    for (const event of history) {
      const { personalData: _sealed, ...facts } = event.data as { personalData?: unknown };
      const clear = JSON.stringify(facts);
      for (const secret of PERSONAL) expect(clear).not.toContain(secret);
    }
  });

  it('mapPersonalData transforms that field and nothing else', () => {
    const sealed = history.map((event) => mapPersonalData(event.data, () => '<sealed>'));
    for (const data of sealed) for (const secret of PERSONAL) expect(JSON.stringify(data)).not.toContain(secret);
    expect(sealed[0]).toMatchObject({ caseId: 'case-1', personalData: '<sealed>', person: { gender: 'female' } });
  });

  it('leaves data without personal data as it is', () => {
    const closed = history.find((event) => event.type === 'CaseClosed')!;
    expect(mapPersonalData(closed.data, () => 'x')).toBe(closed.data);
  });
});
