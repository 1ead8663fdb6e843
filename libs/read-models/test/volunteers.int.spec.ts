import { sqlBackends } from '../../../test/support/databases';
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
    await fx.caughtUp();
  });
  afterAll(() => fx.dispose());

  it('finds a volunteer with their active period as dates', async () => {
    expect(await fx.queries.findVolunteer('vol-a')).toEqual({
      volunteerId: 'vol-a', org: 'boj-vasterort', userId: 'user-a', displayName: 'Berit', gender: 'female',
      activeFrom: '2023-01-15', activeUntil: '2025-06-30',
    });
    expect(await fx.queries.findVolunteer('vol-b')).toEqual({
      volunteerId: 'vol-b', org: 'boj-vasterort', userId: 'vol-b', displayName: 'Anna', gender: 'other', genderLabel: 'IB',
      activeFrom: '2024-09-01', activeUntil: null,
    });
    expect(await fx.queries.findVolunteer('vol-x')).toBeNull();
  });

  it('lists an org’s volunteers by name, active or not', async () => {
    expect((await fx.queries.listVolunteers('boj-vasterort')).map((v) => v.volunteerId)).toEqual(['vol-b', 'vol-a']);
    expect((await fx.queries.listVolunteers('boj-sodra-stockholm')).map((v) => v.displayName)).toEqual(['Cecilia']);
    expect(await fx.queries.listVolunteers('stodcentrum')).toEqual([]);
  });

  it('finds the volunteer a signed-in user is, within one org', async () => {
    expect(await fx.queries.findVolunteerIdsByUserId('boj-vasterort', 'user-a')).toEqual(['vol-a']);
    expect(await fx.queries.findVolunteerIdsByUserId('boj-sodra-stockholm', 'user-a')).toEqual(['vol-c']);
    expect(await fx.queries.findVolunteerIdsByUserId('boj-vasterort', 'vol-b')).toEqual(['vol-b']);
    expect(await fx.queries.findVolunteerIdsByUserId('boj-vasterort', 'nobody')).toEqual([]);
  });
});
