import { plan, simulate, simulationConfig, type SimulationResult } from '../../apps/cli/simulate';
import { TEST_JWT_SECRET, startEmbeddedService, type RunningService } from '../support/app';
import { tokenFor } from '../support/tokens';

/** More of the rare things than a real month has, so a short run shows each of them. */
const BUSY_MONTH = simulationConfig({
  intake: { ...simulationConfig().intake, refusedUnder15PerStodcentrumHandover: 0.5, triagePerHandover: 0.15 },
  links: { jourUnder21ShareOfRegistered: 0.4, jourLinksUnder21: 1, stodcentrumAdultShareOfRegistered: 0.5, stodcentrumLinksAdults: 1, stodcentrumLinksRelatives: 0.5 },
  volunteers: { perJour: { from: 15, to: 16 }, rosterShare: 0.7, leaveShare: 0.15, stodcentrumStaff: 3 },
});
const MONTH = { from: '2024-02-01', to: '2024-02-21', seed: 7, scale: 0.4, config: BUSY_MONTH };
const PARTIES = ['stodcentrum', 'boj-stockholm-gotland', 'boj-sodra-stockholm', 'boj-vasterort'];

describe('npm run simulate against the embedded service', () => {
  let service: RunningService;
  let base: string;
  let result: SimulationResult;

  beforeAll(async () => {
    service = await startEmbeddedService();
    await service.app.listen(0);
    base = (await service.app.getUrl()).replace('[::1]', '127.0.0.1');
    result = await simulate({ ...MONTH, baseUrl: base, secret: TEST_JWT_SECRET, concurrency: 4 });
  }, 90_000);
  afterAll(() => service.stop());

  it('plays three weeks with no unexpected answers', () => {
    expect(result.tally.errorSamples).toEqual([]);
    expect(result.tally.errors).toBe(0);
    expect(result.tally.handovers.created).toBeGreaterThan(20);
  });

  it('leaves cases in every party\'s worklist', async () => {
    for (const org of PARTIES) {
      const token = await tokenFor(`samordnare@${org}`, org, ['coordinator']);
      const response = await fetch(`${base}/api/v1/cases?limit=5`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    }
  });

  it('refuses children handed over without the consent they need, and the city resolves triage', () => {
    expect(result.tally.handovers.refused).toBeGreaterThan(0);
    expect(result.tally.triage.routed).toBeGreaterThan(0);
    // A case triaged in the last hours of the period may still wait for the city at its end.
    expect(result.tally.triage.resolved).toBeGreaterThan(0);
    expect(result.tally.triage.resolved).toBeLessThanOrEqual(result.tally.triage.routed);
  });

  it('links both ways, calls in the evening, and closes with the reasons the history supports', () => {
    expect(result.tally.links.jourToStodcentrum).toBeGreaterThan(0);
    expect(result.tally.links.stodcentrumToJour).toBeGreaterThan(0);
    expect(result.tally.contacts.evening).toBeGreaterThan(0);
    expect(result.tally.closures.byReason['support-given']).toBeGreaterThan(0);
    // Three weeks of a year's 35 further sessions across the jours: two, and no basic one.
    expect(result.tally.trainings).toEqual({ basic: 0, further: 2, alreadyPresent: 0 });
  });

  it('adds nothing the second time the same simulation runs', async () => {
    const again = await simulate({ ...MONTH, baseUrl: base, secret: TEST_JWT_SECRET });
    expect(again.tally.errors).toBe(0);
    expect(again.tally.handovers.created).toBe(0);
    expect(again.tally.handovers.alreadyPresent).toBe(result.tally.handovers.created);
    expect(again.tally.registeredCases.created).toBe(0);
    expect(again.tally.volunteers.registered).toBe(0);
    expect(again.tally.trainings).toEqual({ basic: 0, further: 0, alreadyPresent: 2 });
    expect(again.tally.contacts.total).toBe(0);
  }, 30_000);

  it('plans the same requests for the same seed, and others for another', () => {
    expect(plan(MONTH)).toEqual(plan(MONTH));
    expect(plan({ ...MONTH, seed: 8 }).steps).not.toEqual(plan(MONTH).steps);
  });
});
