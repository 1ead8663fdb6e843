import type { RecordTraining } from '@referral/case';
import { sqlBackends } from '../../../test/support/databases';
import { receiveHandover } from '../../case/testing/case-fixtures';
import { openReadModels, type ReadModelFixture } from './support/read-model-fixture';
import { NOW, assign, fictionalPerson, handoverOf, registerVolunteer } from './support/scenario';

const training = (trainingId: string, changes: Partial<RecordTraining>): RecordTraining => ({
  type: 'RecordTraining', trainingId, org: 'boj-vasterort', kind: 'basic', on: '2025-05-01', participants: [],
  volunteersOfOrg: new Set(['r-anna', 'r-bo', 'r-cia', 'r-dan', 'r-eva']), at: NOW, ...changes,
});

// boj-vasterort on 2025-06-10:
//   r-anna  sv, ar     2 open cases (a third closed)      trained (registered without pending)
//   r-bo    sv         1 open case (a second unassigned)  pending, then basic sessions on 05-20 and 05-02: trained on 05-02
//   r-cia   ar         1 open case                        trained
//   r-dan   sv, ar     none                                pending, only a further session: not trained
//   r-eva   ar         none                                ended 2025-05-31
describe.each(sqlBackends)('the volunteer roster and suggestions on %s', (_name, open) => {
  let fx: ReadModelFixture;
  beforeAll(async () => {
    fx = await openReadModels(open);
    const { writer } = fx;
    await writer.volunteer(registerVolunteer('r-anna', 'boj-vasterort', { displayName: 'Anna', languages: ['sv', 'ar'] }));
    await writer.volunteer(registerVolunteer('r-bo', 'boj-vasterort', { displayName: 'Bo', basicTraining: 'pending' }));
    await writer.volunteer(registerVolunteer('r-cia', 'boj-vasterort', { displayName: 'Cia', languages: ['sv'] }));
    await writer.volunteer({ type: 'ChangeVolunteerLanguages', volunteerId: 'r-cia', org: 'boj-vasterort', languages: ['ar'], at: NOW });
    await writer.volunteer(registerVolunteer('r-dan', 'boj-vasterort', { displayName: 'Dan', languages: ['sv', 'ar'], basicTraining: 'pending' }));
    await writer.volunteer(registerVolunteer('r-eva', 'boj-vasterort', { displayName: 'Eva', languages: ['ar'] }));
    await writer.volunteer({ type: 'DeactivateVolunteer', volunteerId: 'r-eva', org: 'boj-vasterort', activeUntil: '2025-05-31', at: NOW });
    await writer.volunteer(registerVolunteer('r-sodra', 'boj-sodra-stockholm', { displayName: 'Sigge', languages: ['ar'] }));

    await writer.training(training('t-1', { on: '2025-05-20', participants: ['r-bo'] }));
    await writer.training(training('t-2', { on: '2025-05-02', participants: ['r-bo', 'r-anna'] }));
    await writer.training(training('t-3', { kind: 'further', on: '2025-05-03', participants: ['r-dan'] }));

    for (const caseId of ['c-1', 'c-2', 'c-3', 'c-4', 'c-5', 'c-6']) await writer.case(handoverOf(caseId, '2025-06-09T10:00:00.000Z', 'vasterort'));
    await writer.case(assign('c-1', 'r-anna'));
    await writer.case(assign('c-2', 'r-anna'));
    await writer.case(assign('c-3', 'r-anna'));
    await writer.case({ type: 'CloseCase', caseId: 'c-3', reason: 'support-given', at: NOW, now: NOW });
    await writer.case(assign('c-4', 'r-bo'));
    await writer.case(assign('c-5', 'r-bo'));
    await writer.case({ type: 'UnassignVolunteer', caseId: 'c-5', at: NOW });
    await writer.case(assign('c-6', 'r-cia'));
    await writer.case(receiveHandover(
      { handoverId: 'ho-c-ar', handedOverAt: '2025-06-09T10:00:00.000Z', area: { municipality: 'Stockholm', district: 'Bromma' },
        consent: { subject: true }, person: { ...fictionalPerson('vasterort'), preferredLanguage: 'ar' } },
      { caseId: 'c-ar', now: NOW },
    ));
    await fx.caughtUp();
  });
  afterAll(() => fx.dispose());

  it('lists languages, open cases (closed and unassigned ones not counted) and the basic training', async () => {
    const roster = await fx.queries.listVolunteers('boj-vasterort');
    expect(roster.map((v) => [v.volunteerId, v.languages, v.openCases, v.basicTraining, v.basicTrainingOn])).toEqual([
      ['r-anna', ['sv', 'ar'], 2, 'passed', '2025-05-02'],
      ['r-bo', ['sv'], 1, 'passed', '2025-05-02'],
      ['r-cia', ['ar'], 1, 'passed', null],
      ['r-dan', ['sv', 'ar'], 0, 'pending', null],
      ['r-eva', ['ar'], 0, 'passed', null],
    ]);
    expect(await fx.queries.findVolunteer('r-bo')).toMatchObject({ displayName: 'Bo', openCases: 1, activeUntil: null });
  });

  it('an unassigned case is nobody\'s in the worklist', async () => {
    const detail = await fx.queries.getCase('c-5', { now: new Date(NOW) });
    expect(detail?.assigneeId).toBeNull();
    expect(detail?.history.map((entry) => entry.type)).toEqual(['CaseReceived', 'VolunteerAssigned', 'VolunteerUnassigned']);
    expect(detail?.history[2]).toEqual({ type: 'VolunteerUnassigned', at: NOW, volunteerId: 'r-bo' });
  });

  it('finds the preferred language of a case without opening its personal data', async () => {
    expect(await fx.queries.caseForSuggestions('c-ar')).toEqual({ org: 'boj-vasterort', status: 'open', assigneeId: null, preferredLanguage: 'ar' });
    expect(await fx.queries.caseForSuggestions('nope')).toBeNull();
  });

  it('suggests the active, trained volunteers: speakers of the language first, then fewest open cases', async () => {
    const arabic = await fx.queries.suggestVolunteers({ org: 'boj-vasterort', language: 'ar', today: '2025-06-10' });
    expect(arabic.map((v) => [v.volunteerId, v.speaksPreferredLanguage, v.openCases])).toEqual([
      ['r-cia', true, 1], ['r-anna', true, 2], ['r-bo', false, 1],
    ]);
    expect(arabic[0]).toEqual({ volunteerId: 'r-cia', displayName: 'Cia', languages: ['ar'], openCases: 1, speaksPreferredLanguage: true });
    const swedish = await fx.queries.suggestVolunteers({ org: 'boj-vasterort', language: 'sv', today: '2025-06-10' });
    expect(swedish.map((v) => v.volunteerId)).toEqual(['r-bo', 'r-anna', 'r-cia']);
    // On 2025-05-15 Eva was still active.
    const before = await fx.queries.suggestVolunteers({ org: 'boj-vasterort', language: 'ar', today: '2025-05-15' });
    expect(before.map((v) => v.volunteerId)).toEqual(['r-eva', 'r-cia', 'r-anna', 'r-bo']);
  });
});
