import request from 'supertest';
import { startEmbeddedService, type RunningService } from '../support/app';
import { eventually } from '../support/eventually';
import { handoverBody } from '../support/handovers';
import { SettableClock } from '../support/settable-clock';
import { bearer, tokenFor } from '../support/tokens';
import { RetentionHost } from '../../apps/worker/src/retention/retention-host';

type Headers = Record<string, string>;

/** Retention (config/policy/retention.v1.json): 12 months after closing, for every org. */
describe('retention of personal data after closing (embedded service, real Redis)', () => {
  let service: RunningService;
  const clock = new SettableClock(new Date('2025-06-10T08:00:00Z'));
  const tokens: Record<string, Headers> = {};
  const http = () => request(service.app.getHttpServer());

  beforeAll(async () => {
    service = await startEmbeddedService({}, { clock, keepData: true });
    tokens.police = bearer(await tokenFor('police-1', 'city', ['police-integration']));
    tokens.coordinator = bearer(await tokenFor('coord-v', 'boj-vasterort', ['coordinator']));
    await service.app.get(RetentionHost).firstSweep;
  });
  afterAll(() => service.stop());

  async function closedCase(closedAt: string, familyName: string): Promise<string> {
    const received = await http().post('/api/v1/handovers').set(tokens.police).send(handoverBody({ person: { familyName } }));
    expect(received.status).toBe(201);
    const caseId = received.body.caseId as string;
    const reached = await http().post(`/api/v1/cases/${caseId}/contacts`).set(tokens.coordinator)
      .send({ channel: 'meeting', outcome: 'reached', at: '2025-06-03T10:00:00+02:00', note: `Möte med ${familyName}` });
    expect(reached.status).toBe(201);
    const closed = await http().post(`/api/v1/cases/${caseId}/closure`).set(tokens.coordinator).send({ reason: 'support-given', at: closedAt });
    expect(closed.status).toBe(200);
    return caseId;
  }

  const personOf = async (caseId: string) => (await http().get(`/api/v1/cases/${caseId}`).set(tokens.coordinator)).body.person;

  it('erases a closed case’s personal data once its retention has passed, not a moment before; open cases keep theirs', async () => {
    const early = await closedCase('2025-06-05T12:00:00+02:00', 'Tidigsson');
    const later = await closedCase('2025-06-09T12:00:00+02:00', 'Senaresson');
    const open = (await http().post('/api/v1/handovers').set(tokens.police).send(handoverBody({ person: { familyName: 'Öppensson' } }))).body.caseId;
    const sweeps = service.app.get(RetentionHost);

    clock.set('2026-06-05T09:59:59Z');
    expect(await sweeps.sweepNow()).toEqual({ erased: 0, failed: 0 });
    expect((await personOf(early)).familyName).toBe('Tidigsson');

    clock.set('2026-06-05T10:00:00Z');
    expect(await sweeps.sweepNow()).toEqual({ erased: 1, failed: 0 });
    const erased = await eventually(async () => {
      const response = await http().get(`/api/v1/cases/${early}`).set(tokens.coordinator);
      return response.body.person.personalData === 'erased' ? response : undefined;
    });
    expect(erased.body.person).toEqual({ role: 'victim', gender: 'female', personalData: 'erased' });
    expect(JSON.stringify(erased.body)).not.toContain('Tidigsson');
    expect(erased.body.history.at(-1)).toMatchObject({ type: 'PersonalDataErased', reason: 'retention', by: 'system:retention' });
    expect((await personOf(later)).familyName).toBe('Senaresson');
    expect((await personOf(open)).familyName).toBe('Öppensson');

    // Nothing is erased twice.
    expect(await sweeps.sweepNow()).toEqual({ erased: 0, failed: 0 });
  });

  it('catches up after downtime: what fell due while the service was down is erased at the next start', async () => {
    const caseId = await closedCase('2025-06-06T12:00:00+02:00', 'Nerdsson');
    clock.set('2026-06-05T12:00:00Z');
    await service.stop();
    clock.set('2026-09-01T08:00:00Z');
    service = await startEmbeddedService({}, { clock, dataDir: service.dataDir });
    const first = await service.app.get(RetentionHost).firstSweep;
    expect(first?.erased).toBeGreaterThanOrEqual(1);
    await eventually(async () => ((await personOf(caseId)).personalData === 'erased' ? true : undefined));
    expect(JSON.stringify(await personOf(caseId))).not.toContain('Nerdsson');
  });
});
