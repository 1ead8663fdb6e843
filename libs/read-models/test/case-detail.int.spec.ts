import { defaultSlaPolicy } from '@referral/case';
import { sqlBackends } from '../../../test/support/databases';
import { registerCase } from '../../case/testing/case-fixtures';
import { syntheticPersonnummer } from '../../case/testing/synthetic-personnummer';
import { openReadModels, type ReadModelFixture } from './support/read-model-fixture';
import { NOW, assign, fictionalPerson, handoverOf, registerVolunteer } from './support/scenario';

const STORE_IDS = ['id', 'eventId', 'revision', 'position', 'streamId', 'seq'];

describe.each(sqlBackends)('CaseQueries.getCase on %s', (_name, open) => {
  let fx: ReadModelFixture;
  const now = new Date(NOW);
  beforeEach(async () => {
    fx = await openReadModels(open);
  });
  afterEach(() => fx.dispose());

  it('shows the person and crime as sent, and beside the person the Police report number and note (contract v1.1)', async () => {
    await fx.writer.case(handoverOf('d-1', '2025-06-09T10:00:00.000Z', 'vasterort', 'Polisens anteckning'));
    await fx.caughtUp();
    const detail = await fx.queries.getCase('d-1', { now });
    expect(detail).toMatchObject({
      caseId: 'd-1', org: 'boj-vasterort', status: 'open', source: 'handover', slaState: 'ok',
      firstContactDueAt: '2025-06-12T10:00:00.000Z',
      crime: { category: 'misshandel', code: '0388', occurredOn: '2025-05-31', flags: ['vald-i-nara-relation'] },
      area: { municipality: 'Stockholm', district: 'Bromma' },
    });
    // The number in the normalised 12-digit form intake stores; `preferredLanguage` from the fixture.
    expect(detail?.person).toEqual({ ...fictionalPerson('vasterort'), personalIdentityNumber: '19841123-9711', preferredLanguage: 'sv' });
    expect(detail?.history).toEqual([
      { type: 'CaseReceived', at: '2025-06-09T10:00:00.000Z', source: 'handover', routedTo: 'boj-vasterort', status: 'open', reason: 'area-covered' },
    ]);
    expect(detail).toMatchObject({ policeReportNumber: '5000-K000001-25', note: 'Polisens anteckning' });
    expect(JSON.stringify(detail?.person)).not.toMatch(/5000-K000001-25|Polisens anteckning/);
    expect(detail).not.toHaveProperty('linkedFrom');
    expect(await fx.queries.getCase('no-such-case', { now })).toBeNull();
  });

  it('tells the history of a worked case in order, with notes, and no ids of the store', async () => {
    await fx.writer.volunteer(registerVolunteer('vol-1', 'boj-vasterort'));
    await fx.writer.case(handoverOf('d-2', '2025-06-09T08:00:00.000Z', 'vasterort'));
    await fx.writer.case(assign('d-2', 'vol-1'));
    const call = (at: string, outcome: 'no-answer' | 'reached', note?: string) =>
      fx.writer.case({ type: 'RecordContact', caseId: 'd-2', channel: 'phone', outcome, at, now: NOW, ...(note ? { note } : {}), by: 'vol-1' });
    await call('2025-06-09T09:00:00.000Z', 'no-answer');
    await call('2025-06-09T17:30:00.000Z', 'no-answer', 'Röstbrevlåda full');
    await call('2025-06-08T08:30:00.000Z', 'no-answer').catch(() => undefined); // before receipt: refused
    await call('2025-06-10T07:00:00.000Z', 'no-answer');
    await fx.writer.case({
      type: 'CloseCase', caseId: 'd-2', reason: 'unreachable', at: NOW, now: NOW, by: 'coord-1',
      override: { reason: 'Fel nummer enligt anhörig' },
    });
    await fx.caughtUp();

    const detail = await fx.queries.getCase('d-2', { now });
    expect(detail).toMatchObject({ status: 'closed', assigneeId: 'vol-1', slaState: 'ok' });
    expect(detail?.history.map((h) => h.type)).toEqual([
      'CaseReceived', 'VolunteerAssigned', 'ContactRecorded', 'ContactRecorded', 'ContactRecorded', 'CaseClosed',
    ]);
    expect(detail?.history[1]).toEqual({ type: 'VolunteerAssigned', at: NOW, volunteerId: 'vol-1', by: 'coordinator-1' });
    expect(detail?.history[3]).toEqual({
      type: 'ContactRecorded', at: '2025-06-09T17:30:00.000Z', channel: 'phone', outcome: 'no-answer',
      recordedAt: NOW, note: 'Röstbrevlåda full', by: 'vol-1',
    });
    expect(detail?.history[5]).toEqual({
      type: 'CaseClosed', at: NOW, reason: 'unreachable', override: { reason: 'Fel nummer enligt anhörig' }, by: 'coord-1',
    });
    for (const entry of detail?.history ?? []) for (const key of STORE_IDS) expect(entry).not.toHaveProperty(key);
  });

  it('links a young person from a jour to Stödcentrum: linkedTo on the source, linkedFrom on the new case', async () => {
    const birthDate = '2006-01-01';
    await fx.writer.case(registerCase({
      caseId: 'young-1', org: 'boj-vasterort', receivedAt: '2025-06-09T12:00:00.000Z', now: NOW, crime: { category: 'ofredande' },
      person: { role: 'victim', gender: 'male', givenName: 'Påhittad', birthDate, personalIdentityNumber: syntheticPersonnummer(birthDate, { serial: '972' }) },
      sla: defaultSlaPolicy,
    }));
    await fx.writer.case({
      type: 'LinkToOtherParty', caseId: 'young-1', to: 'stodcentrum', consent: true, linkedCaseId: 'young-2',
      at: '2025-06-10T08:00:00.000Z', now: NOW, note: 'Vill bli uppringd på kvällen',
    });
    await fx.caughtUp();

    const source = await fx.queries.getCase('young-1', { now });
    expect(source).toMatchObject({ linkSuggested: true, linkedTo: { caseId: 'young-2', org: 'stodcentrum' } });
    expect(source?.history[1]).toEqual({
      type: 'PersonLinked', at: '2025-06-10T08:00:00.000Z', to: 'stodcentrum', linkedCaseId: 'young-2', note: 'Vill bli uppringd på kvällen',
    });
    const linked = await fx.queries.getCase('young-2', { now });
    expect(linked).toMatchObject({
      org: 'stodcentrum', status: 'open', source: 'link', receivedAt: '2025-06-10T08:00:00.000Z', linkSuggested: false,
      firstContactDueAt: '2025-06-13T08:00:00.000Z', linkedFrom: { caseId: 'young-1', org: 'boj-vasterort' },
      person: { role: 'victim', gender: 'male', givenName: 'Påhittad', birthDate },
    });
    expect(linked?.history).toEqual([{
      type: 'CaseReceived', at: '2025-06-10T08:00:00.000Z', source: 'link', routedTo: 'stodcentrum', status: 'open',
      reason: 'linked', linkedFrom: { caseId: 'young-1', org: 'boj-vasterort' },
    }]);
  });

  it('starts the clock of a triage case when it is resolved', async () => {
    await fx.writer.case(handoverOf('t-1', '2025-06-08T10:00:00.000Z', 'triage'));
    await fx.caughtUp();
    expect(await fx.queries.getCase('t-1', { now })).toMatchObject({ org: 'triage', status: 'triage', firstContactDueAt: null });

    await fx.writer.case({ type: 'ResolveTriage', caseId: 't-1', routeTo: 'boj-sodra-stockholm', at: '2025-06-09T07:00:00.000Z', sla: defaultSlaPolicy, by: 'city-1' });
    await fx.caughtUp();
    const detail = await fx.queries.getCase('t-1', { now });
    expect(detail).toMatchObject({
      org: 'boj-sodra-stockholm', status: 'open', receivedAt: '2025-06-08T10:00:00.000Z',
      firstContactDueAt: '2025-06-12T07:00:00.000Z', slaState: 'ok',
    });
    expect(detail?.history[1]).toEqual({ type: 'TriageResolved', at: '2025-06-09T07:00:00.000Z', routedTo: 'boj-sodra-stockholm', by: 'city-1' });
  });
});
