import coverageJson from '../../../config/policy/coverage.v1.json';
import slaJson from '../../../config/policy/sla.v1.json';
import { parseCoveragePolicy } from '../src/config/coverage-policy';
import { InvalidPolicyError } from '../src/config/invalid-policy-error';
import { parseSlaPolicy } from '../src/config/sla-policy';

const problemsOf = (parse: () => unknown): readonly string[] => {
  try {
    parse();
  } catch (error) {
    if (error instanceof InvalidPolicyError) return error.problems;
    throw error;
  }
  return [];
};
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('coverage policy file', () => {
  it('given the file in the repo, every one of the 11 city districts has a jour', () => {
    const policy = parseCoveragePolicy(coverageJson);
    expect(policy.version).toBe('coverage.v1');
    expect(Object.keys(policy.jourByDistrict).sort()).toEqual([...coverageJson.cityDistricts].sort());
    expect(new Set(Object.values(policy.districtByKey)).size).toBe(11);
  });

  it('refuses a district covered twice, an unknown district, and an alias to nowhere', () => {
    const json = clone(coverageJson);
    json.jours[1]!.districts.push('Bromma', 'Atlantis');
    (json.districtAliases as Record<string, string>)['Gamla stan'] = 'Innerstaden';
    expect(problemsOf(() => parseCoveragePolicy(json))).toEqual([
      'jours[1].districts: Atlantis is not in cityDistricts',
      'district Bromma is covered by both boj-sodra-stockholm and boj-vasterort',
      'districtAliases.Gamla stan points to an unknown name',
    ]);
  });

  it('refuses what is not a policy at all', () => {
    expect(problemsOf(() => parseCoveragePolicy(null))).toContain('$ must be an object');
    expect(problemsOf(() => parseCoveragePolicy({ ...clone(coverageJson), orgs: [] }))).toContain('orgs lacks stodcentrum');
  });
});

describe('SLA policy file', () => {
  it('given the file in the repo, every org gets the default terms', () => {
    const policy = parseSlaPolicy(slaJson);
    expect(policy.byOrg['boj-sodra-stockholm']).toEqual({
      policyVersion: 'sla.v1',
      timeZone: 'Europe/Stockholm',
      firstContactDays: 3,
      eveningWindow: { from: '18:00', to: '21:00' },
      phoneAttemptsRequired: 3,
      eveningAttemptsRequired: 1,
      reachAttemptsDeadlineDays: 14,
      atRiskHours: 24,
    });
  });

  it('lets an org override a term', () => {
    const json = clone(slaJson) as typeof slaJson & { orgs: Record<string, object> };
    json.orgs.stodcentrum = { firstContactDays: 2, eveningWindow: { from: '17:00', to: '20:00' } };
    const policy = parseSlaPolicy(json);
    expect(policy.byOrg.stodcentrum).toMatchObject({ firstContactDays: 2, eveningWindow: { from: '17:00', to: '20:00' } });
    expect(policy.byOrg['boj-vasterort'].firstContactDays).toBe(3);
  });

  it('refuses bad terms, naming each', () => {
    const json = clone(slaJson) as typeof slaJson & { orgs: Record<string, object> };
    json.timeZone = 'Europe/Atlantis';
    json.orgs.stodcentrum = { eveningWindow: { from: '21:00', to: '18:00' }, firstContactDays: 0 };
    json.orgs['boj-okand'] = {};
    expect(problemsOf(() => parseSlaPolicy(json))).toEqual([
      'timeZone Europe/Atlantis is not a known IANA zone',
      'orgs.boj-okand is not a known org id',
      'orgs.stodcentrum.eveningWindow must start before it ends',
      'orgs.stodcentrum.firstContactDays must be a positive integer',
    ]);
  });
});

describe('SLA policy: the city watch over triage', () => {
  it('given the file in the repo, a triage case waits 24 hours before it is shown', () => {
    expect(parseSlaPolicy(slaJson).triage).toEqual({ policyVersion: 'sla.v1', triageAlertHours: 24 });
  });

  it('given a file without city terms (written before them), the default 24 hours holds', () => {
    const { city: _city, ...older } = clone(slaJson);
    expect(parseSlaPolicy(older).triage.triageAlertHours).toBe(24);
  });

  it('given another number of hours, uses it', () => {
    const json = { ...clone(slaJson), city: { triageAlertHours: 8 } };
    expect(parseSlaPolicy(json).triage.triageAlertHours).toBe(8);
  });

  it('refuses a city entry that is not an object or hours that are not a positive integer', () => {
    expect(problemsOf(() => parseSlaPolicy({ ...clone(slaJson), city: 24 }))).toEqual(['city must be an object']);
    expect(problemsOf(() => parseSlaPolicy({ ...clone(slaJson), city: { triageAlertHours: 0 } }))).toEqual([
      'city.triageAlertHours must be a positive integer',
    ]);
    expect(problemsOf(() => parseSlaPolicy({ ...clone(slaJson), city: { triageAlertHours: '24' } }))).toEqual([
      'city.triageAlertHours must be a positive integer',
    ]);
  });
});
