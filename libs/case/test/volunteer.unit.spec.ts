import { DeactivateVolunteer, RegisterVolunteer } from '../src/volunteer/volunteer-commands';
import { volunteerDecider } from '../src/volunteer/volunteer-decider';
import { isVolunteerActiveOn } from '../src/volunteer/volunteer-state';
import { deciderSpec, stateAfter } from '../testing/decider-spec';
import { VolunteerEvent } from '../src/volunteer/volunteer-events';

const spec = deciderSpec(volunteerDecider);
const AT = '2025-06-02T08:00:00.000Z';

const register = (changes: Partial<RegisterVolunteer> = {}): RegisterVolunteer => ({
  type: 'RegisterVolunteer',
  volunteerId: 'vol-1',
  org: 'boj-vasterort',
  displayName: 'Stina Stödperson',
  gender: 'female',
  activeFrom: '2024-09-01',
  at: AT,
  by: 'coord-1',
  ...changes,
});
const deactivate = (changes: Partial<DeactivateVolunteer> = {}): DeactivateVolunteer => ({
  type: 'DeactivateVolunteer',
  volunteerId: 'vol-1',
  org: 'boj-vasterort',
  activeUntil: '2025-06-30',
  at: AT,
  ...changes,
});
const registered: VolunteerEvent[] = [
  {
    type: 'VolunteerRegistered',
    data: {
      volunteerId: 'vol-1',
      org: 'boj-vasterort',
      gender: 'female',
      activeFrom: '2024-09-01',
      userId: 'vol-1',
      languages: ['sv'],
      at: AT,
      by: 'coord-1',
      personalData: { displayName: 'Stina Stödperson' },
    },
  },
];
const deactivated: VolunteerEvent[] = [
  ...registered,
  { type: 'VolunteerDeactivated', data: { volunteerId: 'vol-1', org: 'boj-vasterort', activeUntil: '2025-06-30', at: AT } },
];

describe('volunteers', () => {
  it('given none, when registered, then VolunteerRegistered (the volunteer id is the sign-in id by default)', () =>
    spec.given([]).when(register()).then(registered));

  it('keeps the name only in personalData, trimmed, so it is sealed under the volunteer\'s key', () =>
    spec.given([]).when(register({ displayName: ' Stina Stödperson ' })).thenEvents(([event]) => {
      if (event?.type !== 'VolunteerRegistered') throw new Error('expected VolunteerRegistered');
      const { personalData, ...facts } = event.data;
      expect(personalData).toEqual({ displayName: 'Stina Stödperson' });
      expect(JSON.stringify(facts)).not.toContain('Stina');
    }));

  it('reads a registration written before the name moved into personalData', () => {
    const { personalData: _moved, ...facts } = registered[0]!.data as Extract<VolunteerEvent, { type: 'VolunteerRegistered' }>['data'];
    const old: VolunteerEvent[] = [{ type: 'VolunteerRegistered', data: { ...facts, displayName: 'Stina Stödperson' } }];
    expect(stateAfter(volunteerDecider, old)).toEqual(stateAfter(volunteerDecider, registered));
    spec.given(old).when(deactivate()).then(deactivated.slice(1));
  });

  it('keeps a separate sign-in id and a gender label', () =>
    spec
      .given([])
      .when(register({ userId: 'user-9', gender: 'other', genderLabel: 'IB' }))
      .thenEvents(([event]) => expect(event!.data).toMatchObject({ userId: 'user-9', gender: 'other', genderLabel: 'IB' })));

  it('refuses a second registration, an empty name and a bad date', () => {
    spec.given(registered).when(register()).thenFails('volunteer-already-exists');
    spec.given([]).when(register({ displayName: ' ', activeFrom: '2025-02-30' })).thenFailure(({ error }) =>
      expect(error.details?.map((d) => d.path)).toEqual(['displayName', 'activeFrom']),
    );
  });

  it('given a registered volunteer, when deactivated, then VolunteerDeactivated', () =>
    spec.given(registered).when(deactivate()).then(deactivated.slice(1)));

  it('refuses to deactivate twice, in another org, before activeFrom, or someone unknown', () => {
    spec.given(deactivated).when(deactivate()).thenFails('volunteer-already-deactivated');
    spec.given(registered).when(deactivate({ org: 'stodcentrum' })).thenFails('volunteer-not-found');
    spec.given([]).when(deactivate()).thenFails('volunteer-not-found');
    spec.given(registered).when(deactivate({ activeUntil: '2024-08-31' })).thenFails('validation-failed', /before activeFrom/);
  });

  it('is active from activeFrom through activeUntil, both inclusive', () => {
    const state = stateAfter(volunteerDecider, deactivated);
    expect(['2024-08-31', '2024-09-01', '2025-06-30', '2025-07-01'].map((d) => isVolunteerActiveOn(state, d))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(isVolunteerActiveOn(stateAfter(volunteerDecider, registered), '2099-01-01')).toBe(true);
  });
});
