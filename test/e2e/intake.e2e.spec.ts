import request from 'supertest';
import { EVENT_STORE } from '@referral/platform';
import type { EventStore, RecordedEvent } from '@referral/event-store';
import { syntheticPersonnummer, withWrongCheckDigit } from '@referral/case/testing';
import { startEmbeddedService, type RunningService } from '../support/app';
import { handoverBody } from '../support/handovers';
import { SettableClock } from '../support/settable-clock';
import { bearer, tokenFor } from '../support/tokens';

describe('POST /handovers (embedded service, real Redis)', () => {
  let service: RunningService;
  let police: Record<string, string>;
  let vasterort: Record<string, string>;
  const clock = new SettableClock(new Date('2025-06-10T08:00:00Z'));

  beforeAll(async () => {
    service = await startEmbeddedService({}, { clock });
    police = bearer(await tokenFor('police-1', 'city', ['police-integration']));
    vasterort = bearer(await tokenFor('coord-v', 'boj-vasterort', ['coordinator']));
  });
  afterAll(() => service.stop());

  const post = (body: unknown, headers = police) =>
    request(service.app.getHttpServer()).post('/api/v1/handovers').set(headers).send(body as object);

  async function allEvents(): Promise<RecordedEvent[]> {
    const store = service.app.get<EventStore>(EVENT_STORE);
    const events: RecordedEvent[] = [];
    for (let batch = await store.readAll({ after: null }); batch.length > 0; batch = await store.readAll({ after: batch[batch.length - 1].position })) {
      events.push(...batch);
    }
    return events;
  }

  it('refuses without a token (401) and with a role that may not hand over (403)', async () => {
    expect((await request(service.app.getHttpServer()).post('/api/v1/handovers').send(handoverBody())).status).toBe(401);
    const bad = await request(service.app.getHttpServer()).post('/api/v1/handovers').set({ Authorization: 'Bearer not-a-jwt' }).send(handoverBody());
    expect(bad.status).toBe(401);
    expect(bad.body.error).toBe('unauthorized');
    expect((await post(handoverBody(), vasterort)).status).toBe(403);
  });

  it('routes an adult in Bromma to Brottsofferjouren Västerort, and the case shows up in that jour\'s worklist', async () => {
    const response = await post(handoverBody());
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ caseId: expect.any(String), routedTo: 'boj-vasterort', status: 'open' });
    const list = await request(service.app.getHttpServer()).get('/api/v1/cases').set(vasterort);
    expect(list.body.items.map((c: { caseId: string }) => c.caseId)).toContain(response.body.caseId);
    const detail = await request(service.app.getHttpServer()).get(`/api/v1/cases/${response.body.caseId}`).set(vasterort);
    expect(detail.body).toMatchObject({ org: 'boj-vasterort', status: 'open', source: 'handover', linkSuggested: false });
    expect(detail.body.person).toMatchObject({ role: 'victim', gender: 'female', givenName: 'Testa' });
    expect(detail.body.history[0]).toMatchObject({ type: 'CaseReceived' });
  });

  it.each([
    ['a person under 21', { person: { personalIdentityNumber: syntheticPersonnummer('2008-01-01', { form: 12 }) } }, 'stodcentrum'],
    ['an old district name (Rinkeby-Kista)', { area: { municipality: 'stockholm', district: 'RINKEBY-KISTA' } }, 'boj-vasterort'],
    ['a municipality of the southern jour\'s city district', { area: { municipality: 'Stockholm', district: 'Farsta' } }, 'boj-sodra-stockholm'],
    ['Solna, without accents or case', { area: { municipality: 'SOLNA' } }, 'boj-vasterort'],
    ['an area nobody covers', { area: { municipality: 'Malmö' } }, 'triage'],
    ['a person of unknown age', { person: { personalIdentityNumber: undefined } }, 'triage'],
  ])('routes %s', async (_name, overrides, routedTo) => {
    const body = handoverBody(overrides as Record<string, unknown>);
    const response = await post(JSON.parse(JSON.stringify(body)));
    expect(response.status).toBe(201);
    expect(response.body.routedTo).toBe(routedTo);
    expect(response.body.status).toBe(routedTo === 'triage' ? 'triage' : 'open');
  });

  it('answers the same handover again with 200 and the same body, however often', async () => {
    const body = handoverBody();
    const first = await post(body);
    const again = await post(body);
    const reordered = await post(Object.fromEntries(Object.entries(body).reverse()));
    expect(first.status).toBe(201);
    expect([again.status, reordered.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    expect(reordered.body).toEqual(first.body);
  });

  it('makes one case of 50 concurrent deliveries of one handover', async () => {
    const body = handoverBody();
    const answers = await Promise.all(Array.from({ length: 50 }, () => post(body)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(49);
    expect(new Set(answers.map((a) => a.body.caseId)).size).toBe(1);
    const received = (await allEvents()).filter((e) => e.type === 'CaseReceived' && e.data.handoverId === body.handoverId);
    expect(received).toHaveLength(1);
  });

  it('answers 409 handover-conflict for the same handoverId with another body, and the first one stands', async () => {
    const body = handoverBody();
    const first = await post(body);
    const conflicting = await post({ ...body, crime: { category: 'bedrageri' } });
    expect(conflicting.status).toBe(409);
    expect(conflicting.body.error).toBe('handover-conflict');
    const detail = await request(service.app.getHttpServer()).get(`/api/v1/cases/${first.body.caseId}`).set(vasterort);
    expect(detail.body.crime.category).toBe('misshandel');
  });

  it('refuses a 14-year-old without a guardian\'s consent with 422, stores nothing personal, and counts the refusal', async () => {
    const body = handoverBody({
      person: { personalIdentityNumber: syntheticPersonnummer('2011-03-03', { form: 12 }), givenName: 'Unikt', familyName: 'Refuserad' },
      consent: { subject: true },
    });
    const response = await post(body);
    expect(response.status).toBe(422);
    expect(response.body.error).toBe('consent-required');
    expect((await post(body)).status).toBe(422);
    const stored = JSON.stringify((await allEvents()).map((e) => [e.data, e.metadata]));
    expect(stored).not.toContain('Refuserad');
    expect(stored).not.toContain((body.person as { personalIdentityNumber: string }).personalIdentityNumber.slice(2));
    expect((await allEvents()).filter((e) => e.type === 'HandoverRefusedForConsent' && e.data.handoverId === body.handoverId)).toHaveLength(1);
  });

  it('lists every violation with its path, and never echoes personal data', async () => {
    const body = handoverBody({ extra: 1, handedOverAt: 'yesterday', crime: { category: 'theft' } });
    (body.person as Record<string, unknown>).personalIdentityNumber = withWrongCheckDigit(syntheticPersonnummer('1980-02-02', { form: 12 }));
    (body.person as Record<string, unknown>).birthDate = '2023-02-30';
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('validation-failed');
    const paths = response.body.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['crime.category', 'extra', 'handedOverAt', 'person.birthDate', 'person.personalIdentityNumber']);
    expect(JSON.stringify(response.body)).not.toContain((body.person as { personalIdentityNumber: string }).personalIdentityNumber);
  });

  it('refuses a handedOverAt in the future (by the service clock) naming the field', async () => {
    const response = await post(handoverBody({ handedOverAt: '2025-06-10T08:00:01Z' }));
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([expect.objectContaining({ path: 'handedOverAt' })]);
  });

  it('answers wrong types and missing objects with 400, never 500', async () => {
    for (const body of [[], { handoverId: 5 }, { ...handoverBody(), person: null }, { ...handoverBody(), consent: 'yes' }]) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatch(/validation-failed|invalid-json/);
    }
    // supertest sends a bare string as a form, which the service does not read at all.
    const form = await post('text');
    expect([form.status, form.body.error]).toEqual([415, 'unsupported-media-type']);
  });

  it('serves the OpenAPI document generated from the DTOs', async () => {
    const response = await request(service.app.getHttpServer()).get('/api/docs-json');
    expect(response.status).toBe(200);
    expect(response.body.paths['/api/v1/handovers']).toBeDefined();
    expect(response.body.components.schemas.HandoverDto.required).toEqual(
      expect.arrayContaining(['handoverId', 'policeReportNumber', 'handedOverAt', 'crime', 'person', 'area', 'consent']),
    );
  });
});
