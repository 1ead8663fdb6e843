import { ISO_639_1_CODES, languageProblems } from '../src/volunteer/languages';
import { ChangeVolunteerLanguages, RegisterVolunteer } from '../src/volunteer/volunteer-commands';
import { volunteerDecider } from '../src/volunteer/volunteer-decider';
import { VolunteerEvent } from '../src/volunteer/volunteer-events';
import { deciderSpec, stateAfter } from '../testing/decider-spec';

const spec = deciderSpec(volunteerDecider);
const AT = '2025-06-02T08:00:00.000Z';

const register = (changes: Partial<RegisterVolunteer> = {}): RegisterVolunteer => ({
  type: 'RegisterVolunteer', volunteerId: 'vol-1', org: 'boj-vasterort', displayName: 'Stina Stödperson', gender: 'female',
  activeFrom: '2024-09-01', at: AT, ...changes,
});
const change = (languages: string[], changes: Partial<ChangeVolunteerLanguages> = {}): ChangeVolunteerLanguages => ({
  type: 'ChangeVolunteerLanguages', volunteerId: 'vol-1', org: 'boj-vasterort', languages, at: AT, by: 'coord-1', ...changes,
});
const registeredWith = (languages?: string[]): VolunteerEvent[] => {
  const decided = volunteerDecider.decide(register(languages ? { languages } : {}), volunteerDecider.initialState);
  if (!decided.ok) throw new Error('fixture refused');
  return [...decided.events];
};

describe('volunteers\' languages', () => {
  it('given none, when registered without languages, then they speak Swedish', () =>
    spec.given([]).when(register()).thenEvents(([event]) => expect(event!.data).toMatchObject({ languages: ['sv'] })));

  it('keeps the languages given, in their order', () =>
    spec.given([]).when(register({ languages: ['ar', 'sv', 'so'] })).thenEvents(([event]) => expect(event!.data).toMatchObject({ languages: ['ar', 'sv', 'so'] })));

  it('refuses a code that is not ISO 639-1, naming its place in the list, and a code given twice', () =>
    spec.given([]).when(register({ languages: ['sv', 'swe', 'SV', 'xx', 'sv'] })).thenFailure(({ error }) =>
      expect(error.details).toEqual([
        { path: 'languages[1]', message: 'is not an ISO 639-1 language code' },
        { path: 'languages[2]', message: 'is not an ISO 639-1 language code' },
        { path: 'languages[3]', message: 'is not an ISO 639-1 language code' },
        { path: 'languages[4]', message: 'is listed twice' },
      ])));

  it('refuses an empty list', () => spec.given([]).when(register({ languages: [] })).thenFails('validation-failed', /at least one/));

  it('given a registered volunteer, when the languages are replaced, then VolunteerLanguagesChanged', () =>
    spec.given(registeredWith()).when(change(['sv', 'fi'])).then([
      { type: 'VolunteerLanguagesChanged', data: { volunteerId: 'vol-1', org: 'boj-vasterort', languages: ['sv', 'fi'], at: AT, by: 'coord-1' } },
    ]));

  it('the state holds the latest list; the same list again changes nothing', () => {
    const changed = [...registeredWith(), { type: 'VolunteerLanguagesChanged', data: { volunteerId: 'vol-1', org: 'boj-vasterort', languages: ['fi'], at: AT } } as const];
    expect(stateAfter(volunteerDecider, changed)).toMatchObject({ languages: ['fi'] });
    spec.given(changed).when(change(['fi'])).then([]);
  });

  it('refuses bad codes, an unknown volunteer and one of another org', () => {
    spec.given(registeredWith()).when(change(['sv', 'klingon'])).thenFailure(({ error }) => expect(error.details?.map((d) => d.path)).toEqual(['languages[1]']));
    spec.given([]).when(change(['sv'])).thenFails('volunteer-not-found');
    spec.given(registeredWith()).when(change(['sv'], { org: 'stodcentrum' })).thenFails('volunteer-not-found');
  });

  it('reads a registration written before languages were kept as Swedish, and one before training was kept as trained', () => {
    const [event] = registeredWith();
    const { languages: _l, ...old } = event!.data as Extract<VolunteerEvent, { type: 'VolunteerRegistered' }>['data'];
    expect(stateAfter(volunteerDecider, [{ type: 'VolunteerRegistered', data: old }])).toMatchObject({ languages: ['sv'], basicTraining: 'passed' });
  });

  it('the list is the 183 two-letter codes of ISO 639-1', () => {
    expect(ISO_639_1_CODES).toHaveLength(183);
    expect(ISO_639_1_CODES.every((code) => /^[a-z]{2}$/.test(code))).toBe(true);
    expect(languageProblems(['sv', 'ar', 'fa', 'so', 'ti', 'ku', 'en', 'fi', 'es', 'pl', 'ru', 'tr', 'bs', 'hr', 'sr'])).toEqual([]);
  });
});

describe('basic training at registration', () => {
  it('registered as pending, the event says so and the state keeps it', () =>
    spec.given([]).when(register({ basicTraining: 'pending' })).thenEvents((events) => {
      expect(events[0]!.data).toMatchObject({ basicTraining: 'pending' });
      expect(stateAfter(volunteerDecider, events)).toMatchObject({ basicTraining: 'pending' });
    }));

  it('registered without it, or as passed, they are taken as trained (nothing in the event)', () => {
    for (const command of [register(), register({ basicTraining: 'passed' })]) {
      spec.given([]).when(command).thenEvents((events) => {
        expect(events[0]!.data).not.toHaveProperty('basicTraining');
        expect(stateAfter(volunteerDecider, events)).toMatchObject({ basicTraining: 'passed' });
      });
    }
  });
});
