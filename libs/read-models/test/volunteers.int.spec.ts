import { sqlBackends } from '../../../test/support/databases';
import { CaseQueries } from '../src';
import { openReadModels, type ReadModelFixture } from './support/read-model-fixture';
import { registerVolunteer } from './support/scenario';

describe.each(sqlBackends)('volunteer queries on %s', (_name, open) => {
  let fx: ReadModelFixture;
  beforeAll(async () => {
    fx = await openReadModels(open);
    await fx.writer.volunteer(registerVolunteer('vol-a', 'boj-vasterort', { displayName: 'Berit', userId: 'user-a', activeFrom: '2023-01-15' }));
    await fx.writer.volunteer(registerVolunteer('vol-b', 'boj-vasterort', { displayName: 'Anna', gender: 'other', genderLabel: 'IB' }));
    await fx.writer.volunteer(registerVolunteer('vol-c', 'boj-sodra-stockholm', { displayName: 'Cecilia', userId: 'user-a' }));
    await fx.writer.volunteer({
      type: 'DeactivateVolunteer', volunteerId: 'vol-a', org: 'boj-vasterort', activeUntil: '2025-06-30', at: '2025-06-10T10:00:00.000Z',
    });
    // As registrations were written before the name moved into `personalData`.
    await fx.writer.appendAsWritten('volunteer-vol-old', [{
      type: 'VolunteerRegistered',
      data: { volunteerId: 'vol-old', org: 'stodcentrum', displayName: 'Gunnel', gender: 'female', activeFrom: '2020-03-01', userId: 'vol-old', at: '2020-03-01T08:00:00.000Z' },
    }]);
    await fx.caughtUp();
  });
  afterAll(() => fx.dispose());

  it('finds a volunteer with their active period as dates', async () => {
    expect(await fx.queries.findVolunteer('vol-a')).toEqual({
      volunteerId: 'vol-a', org: 'boj-vasterort', userId: 'user-a', displayName: 'Berit', gender: 'female',
      languages: ['sv'], activeFrom: '2023-01-15', activeUntil: '2025-06-30', openCases: 0, basicTraining: 'passed', basicTrainingOn: null,
    });
    expect(await fx.queries.findVolunteer('vol-b')).toEqual({
      volunteerId: 'vol-b', org: 'boj-vasterort', userId: 'vol-b', displayName: 'Anna', gender: 'other', genderLabel: 'IB',
      languages: ['sv'], activeFrom: '2024-09-01', activeUntil: null, openCases: 0, basicTraining: 'passed', basicTrainingOn: null,
    });
    expect(await fx.queries.findVolunteer('vol-x')).toBeNull();
  });

  it('lists an org’s volunteers by name, active or not', async () => {
    expect((await fx.queries.listVolunteers('boj-vasterort')).map((v) => v.volunteerId)).toEqual(['vol-b', 'vol-a']);
    expect((await fx.queries.listVolunteers('boj-sodra-stockholm')).map((v) => v.displayName)).toEqual(['Cecilia']);
    expect(await fx.queries.listVolunteers('stodcentrum')).toEqual([expect.objectContaining({ volunteerId: 'vol-old', displayName: 'Gunnel' })]);
    expect(await fx.queries.listVolunteers('boj-stockholm-gotland')).toEqual([]);
  });

  it('keeps the name as the store holds it, in no column of its own, and opens it only through the reader', async () => {
    const { rows } = await fx.db.client.query<Record<string, unknown>>("SELECT * FROM volunteers WHERE volunteer_id = 'vol-b'");
    expect(rows[0]).not.toHaveProperty('display_name');
    expect(rows[0]).toMatchObject({ personal_data: { displayName: 'Anna' } });

    const opened = new CaseQueries(fx.db.client, { open: async (value) => ({ displayName: `opened ${(value as { displayName: string }).displayName}` }) });
    expect(await opened.findVolunteer('vol-b')).toMatchObject({ displayName: 'opened Anna' });
    const keyGone = new CaseQueries(fx.db.client, { open: async () => null });
    const erased = await keyGone.findVolunteer('vol-b');
    expect(erased).toMatchObject({ volunteerId: 'vol-b', gender: 'other', personalData: 'erased' });
    expect(erased).not.toHaveProperty('displayName');
  });

  it('finds the volunteer a signed-in user is, within one org', async () => {
    expect(await fx.queries.findVolunteerIdsByUserId('boj-vasterort', 'user-a')).toEqual(['vol-a']);
    expect(await fx.queries.findVolunteerIdsByUserId('boj-sodra-stockholm', 'user-a')).toEqual(['vol-c']);
    expect(await fx.queries.findVolunteerIdsByUserId('boj-vasterort', 'vol-b')).toEqual(['vol-b']);
    expect(await fx.queries.findVolunteerIdsByUserId('boj-vasterort', 'nobody')).toEqual([]);
  });
});
