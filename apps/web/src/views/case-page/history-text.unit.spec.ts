import { describe, expect, it } from 'vitest';
import { describeHistoryEntry } from './history-text';

const sv = { language: 'sv' as const, mySub: 'vol-anna' };

describe('a case history entry in words', () => {
  it('says where a Police case came from and went, in words, not codes', () => {
    const text = describeHistoryEntry({ type: 'CaseReceived', at: '2025-06-03T08:00:00Z', source: 'handover', routedTo: 'boj-vasterort', status: 'open', reason: 'area-covered' }, sv);
    expect(text).toEqual({ title: 'Ärendet togs emot', details: ['Från: Polisen', 'Till: Brottsofferjouren Västerort'], tone: null });
  });

  it('says a triage case and why it waits', () => {
    const text = describeHistoryEntry({ type: 'CaseReceived', at: '2025-06-03T08:00:00Z', source: 'handover', routedTo: 'triage', status: 'triage', reason: 'age-unknown' }, sv);
    expect(text.details).toContain('Till triage: Åldern är okänd');
  });

  it('says a call by its channel and outcome, and when it was typed in late', () => {
    const text = describeHistoryEntry({ type: 'ContactRecorded', at: '2025-06-03T08:00:00Z', recordedAt: '2025-06-04T09:00:00Z', channel: 'phone', outcome: 'no-answer', by: 'vol-anna' }, sv);
    expect(text.title).toBe('Telefon: Inget svar');
    expect(text.details).toEqual(['Registrerat i efterhand 4 juni 11:00', 'av dig']);
  });

  it('marks a reached meeting as good and a missed deadline as a breach, in words', () => {
    expect(describeHistoryEntry({ type: 'ContactRecorded', at: '2025-06-03T08:00:00Z', recordedAt: '2025-06-03T08:00:00Z', channel: 'meeting', outcome: 'reached' }, sv)).toMatchObject({ title: 'Möte: Nådd', tone: 'ok' });
    const missed = describeHistoryEntry({ type: 'ReachAttemptsDeadlineMissed', at: '2025-06-17T08:00:00Z', dueAt: '2025-06-17T08:00:00Z', detectedAt: '2025-06-17T08:00:00Z', phoneAttempts: 2, eveningAttempts: 0 }, sv);
    expect(missed).toEqual({ title: 'Fristen för kontaktförsök missades', details: ['Fristen gick ut 17 juni 10:00', '2 telefonförsök, varav 0 på kvällen'], tone: 'breach' });
  });

  it('says a retraction with the rule in words', () => {
    const text = describeHistoryEntry({ type: 'DeadlineBreachRetracted', at: '2025-06-07T08:00:00Z', rule: 'first-contact', dueAt: '2025-06-06T08:00:00Z', metAt: '2025-06-05T08:00:00Z' }, { language: 'en' });
    expect(text).toEqual({ title: 'Missed deadline retracted', details: ['A contact in time was recorded afterwards (First contact, 5 Jun, 10:00)'], tone: 'ok' });
  });

  it('shows an erased note as erased, and a note that is there as it is', () => {
    expect(describeHistoryEntry({ type: 'ContactSafetyChanged', at: '2025-06-03T08:00:00Z', mayLeaveMessage: false, safeHours: { from: '09:00', to: '15:00' }, personalData: 'erased' }, sv).details)
      .toEqual(['Lämna inget meddelande', 'Ring bara 09:00–15:00', 'Uppgifterna är raderade']);
    expect(describeHistoryEntry({ type: 'PersonLinked', at: '2025-06-03T08:00:00Z', to: 'stodcentrum', note: 'Samtycke i telefon' }, sv).details)
      .toEqual(['Länkad till Stödcentrum för unga brottsutsatta', 'Anteckning: Samtycke i telefon']);
  });

  it('says a closing with an override and its reason', () => {
    const text = describeHistoryEntry({ type: 'CaseClosed', at: '2025-06-20T08:00:00Z', reason: 'unreachable', override: { reason: 'Numret saknas' } }, sv);
    expect(text.details).toEqual(['Skäl: Gick inte att nå', 'Undantag: Numret saknas']);
  });

  it('names the volunteer where the roster is known, and "you" for a volunteer who took the case', () => {
    const entry = { type: 'VolunteerAssigned', at: '2025-06-03T08:00:00Z', volunteerId: 'v-1', by: 'vol-anna' };
    expect(describeHistoryEntry(entry, sv).details).toEqual(['Du tog ärendet']);
    expect(describeHistoryEntry(entry, { language: 'sv', volunteerNames: { 'v-1': 'Anna Fiktiv' } }).details).toEqual(['Tilldelat Anna Fiktiv']);
    expect(describeHistoryEntry({ ...entry, by: 'coord-v' }, { ...sv, myVolunteerId: 'v-1' }).details).toEqual(['Tilldelat dig']);
  });

  it('gives every history type a title in words', () => {
    for (const type of ['TriageResolved', 'VolunteerUnassigned', 'PersonalDataErased', 'FirstContactDeadlineMissed', 'TriageWaitExceeded']) {
      expect(describeHistoryEntry({ type, at: '2025-06-03T08:00:00Z' }, sv).title).not.toBe(type);
    }
  });
});
