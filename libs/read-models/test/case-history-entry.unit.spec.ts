import { caseHistoryEntry } from '../src/cases/case-history-entry';
import { personAsSent } from '../src/cases/person-as-sent';
import { revealCaseParts, unsealedReader, type PersonalDataReader } from '../src/cases/reveal-case-detail';
import { closeCase, eventsOf, linkToOtherParty, receiveHandover, recordContact, registerCase } from '../../case/testing/case-fixtures';

describe('history entries and the person as sent', () => {
  it('keeps a contact’s personal data in its entry as the store holds it, and nothing personal of the handover', () => {
    const [received, contact] = eventsOf(recordContact({ note: 'Ringer igen i morgon' }), eventsOf(receiveHandover({ note: 'Polisens text' })));
    expect(caseHistoryEntry(received!)).not.toHaveProperty('personalData');
    expect(JSON.stringify(caseHistoryEntry(received!))).not.toMatch(/Testa|5000-K|Polisens/);
    expect(caseHistoryEntry(contact!)).toMatchObject({ type: 'ContactRecorded', channel: 'phone', personalData: { note: 'Ringer igen i morgon' } });
  });

  it('shows a link without personal data when no note was written', () => {
    const young = eventsOf(registerCase({ person: { role: 'victim', gender: 'male', birthDate: '2006-01-01' } }));
    const [, linked] = eventsOf(linkToOtherParty(), young);
    expect(caseHistoryEntry(linked!)).toEqual({ type: 'PersonLinked', at: '2025-06-03T08:00:00.000Z', to: 'stodcentrum', linkedCaseId: 'case-2' });
  });

  it('opens the note when the case is shown, and marks it erased when its key is gone', async () => {
    const [received, contact] = eventsOf(recordContact({ note: 'Ringer igen i morgon' }), eventsOf(receiveHandover()));
    if (received?.type !== 'CaseReceived') throw new Error('expected CaseReceived');
    const parts = {
      person: { ...received.data.person }, personalData: received.data.personalData, erased: false,
      history: [caseHistoryEntry(received), caseHistoryEntry(contact!)],
    };
    const shown = await revealCaseParts(parts, unsealedReader);
    expect(shown.person).toMatchObject({ givenName: 'Testa', gender: 'female' });
    expect(shown.history[1]).toMatchObject({ note: 'Ringer igen i morgon' });
    expect(shown.history[1]).not.toHaveProperty('personalData');

    const keyGone: PersonalDataReader = { open: async () => null };
    const erased = await revealCaseParts(parts, keyGone);
    expect(erased.person).toEqual({ role: 'victim', gender: 'female', preferredLanguage: 'sv', personalData: 'erased' });
    expect(erased.history[1]).toMatchObject({ type: 'ContactRecorded', personalData: 'erased' });
    expect(JSON.stringify(erased)).not.toMatch(/Testa|Ringer/);

    const recordedErased = await revealCaseParts({ ...parts, erased: true }, unsealedReader);
    expect(JSON.stringify(recordedErased)).not.toMatch(/Testa|Ringer/);
  });

  it('shows an override with its reason opened from the sealed value, also one written in clear before sealing; erased after erasure', async () => {
    const [received, closed] = eventsOf(closeCase({ reason: 'unreachable', override: { reason: 'Fel nummer' }, by: 'coord-1' }), eventsOf(receiveHandover()));
    if (received?.type !== 'CaseReceived' || closed?.type !== 'CaseClosed') throw new Error('expected CaseReceived, CaseClosed');
    const { personalData: _moved, ...facts } = closed.data;
    const written = caseHistoryEntry(closed);
    const legacy = caseHistoryEntry({ type: 'CaseClosed', data: { ...facts, override: { reason: 'Fel nummer' } } });
    expect(written).toEqual({ type: 'CaseClosed', at: closed.data.at, reason: 'unreachable', override: {}, personalData: { overrideReason: 'Fel nummer' }, by: 'coord-1' });
    expect(legacy).toEqual(written);

    const parts = { person: { ...received.data.person }, personalData: received.data.personalData, erased: false, history: [written] };
    const shown = await revealCaseParts(parts, unsealedReader);
    expect(shown.history[0]).toEqual({ type: 'CaseClosed', at: closed.data.at, reason: 'unreachable', override: { reason: 'Fel nummer' }, by: 'coord-1' });
    const erased = await revealCaseParts({ ...parts, erased: true }, unsealedReader);
    expect(erased.history[0]).toEqual({ type: 'CaseClosed', at: closed.data.at, reason: 'unreachable', override: {}, personalData: 'erased', by: 'coord-1' });
  });

  it('shows a closure without an override as its facts only', () => {
    const [, closed] = eventsOf(closeCase(), eventsOf(receiveHandover()));
    expect(caseHistoryEntry(closed!)).toEqual({ type: 'CaseClosed', at: '2025-06-20T12:00:00.000Z', reason: 'support-given' });
  });

  it('shows only the facts when the case has no personal data', () => {
    expect(personAsSent({ role: 'victim', gender: 'female' }, null)).toEqual({ role: 'victim', gender: 'female' });
  });

  it('shows a triage wait as when it was received and how many hours it waited', () => {
    const [received, waited] = eventsOf({ type: 'CheckTriageWait', caseId: 'case-1', now: '2025-06-03T09:00:00.000Z' },
      eventsOf(receiveHandover({ area: { municipality: 'Uppsala' } })));
    expect(received?.data).toMatchObject({ status: 'triage' });
    expect(caseHistoryEntry(waited!)).toEqual({
      type: 'TriageWaitExceeded', at: '2025-06-03T08:00:00.000Z', receivedAt: '2025-06-02T08:00:00.000Z', hoursWaited: 24,
      detectedAt: '2025-06-03T09:00:00.000Z',
    });
  });
});
