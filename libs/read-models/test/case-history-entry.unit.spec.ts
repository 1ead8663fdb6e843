import { caseHistoryEntry } from '../src/cases/case-history-entry';
import { personAsSent } from '../src/cases/person-as-sent';
import { eventsOf, linkToOtherParty, receiveHandover, recordContact, registerCase } from '../../case/testing/case-fixtures';

describe('history entries and the person as sent', () => {
  it('keeps a contact’s note in its entry, and nothing else personal', () => {
    const [received, contact] = eventsOf(recordContact({ note: 'Ringer igen i morgon' }), eventsOf(receiveHandover({ note: 'Polisens text' })));
    expect(caseHistoryEntry(received!)).not.toHaveProperty('note');
    expect(JSON.stringify(caseHistoryEntry(received!))).not.toMatch(/Testa|5000-K|Polisens/);
    expect(caseHistoryEntry(contact!)).toMatchObject({ type: 'ContactRecorded', channel: 'phone', note: 'Ringer igen i morgon' });
  });

  it('shows a link without a note when none was written', () => {
    const young = eventsOf(registerCase({ person: { role: 'victim', gender: 'male', birthDate: '2006-01-01' } }));
    const [, linked] = eventsOf(linkToOtherParty(), young);
    expect(caseHistoryEntry(linked!)).toEqual({ type: 'PersonLinked', at: '2025-06-03T08:00:00.000Z', to: 'stodcentrum', linkedCaseId: 'case-2' });
  });

  it('shows only the facts once the personal data is erased', () => {
    const [received] = eventsOf(receiveHandover());
    if (received?.type !== 'CaseReceived') throw new Error('expected CaseReceived');
    expect(personAsSent({ ...received.data, personalData: null })).toEqual({ role: 'victim', gender: 'female', preferredLanguage: 'sv' });
  });
});
