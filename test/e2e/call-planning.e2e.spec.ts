import request from 'supertest';
import { startEmbeddedService, type RunningService } from '../support/app';
import { serviceShapes } from '../support/service-shapes';
import { eventually } from '../support/eventually';
import { handOverCase } from '../support/handovers';
import { SettableClock } from '../support/settable-clock';
import { bearer, tokenFor } from '../support/tokens';

type Headers = Record<string, string>;

/*
 * Contract v1.1, "Working a case": the call plan, contact safety, the Police report number and
 * note, and finding cases by that number, through HTTP on the embedded service and on PostgreSQL.
 */
describe.each(serviceShapes)('working a case as people do (%s, real Redis)', (_shape, shape) => {
  let service: RunningService;
  // Wednesday 4 June 2025, 14:00 Stockholm (CEST, +02:00).
  const clock = new SettableClock(new Date('2025-06-04T12:00:00Z'));
  const tokens: Record<string, Headers> = {};
  const http = () => request(service.app.getHttpServer());

  let dropShape: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const made = await shape();
    dropShape = made.drop;
    service = await startEmbeddedService(made.env, { clock });
    tokens.police = bearer(await tokenFor('police-1', 'city', ['police-integration']));
    tokens.coordinator = bearer(await tokenFor('coord-v', 'boj-vasterort', ['coordinator']));
    tokens.staff = bearer(await tokenFor('staff-v', 'boj-vasterort', ['staff']));
    tokens.southCoordinator = bearer(await tokenFor('coord-s', 'boj-sodra-stockholm', ['coordinator']));
  });
  afterAll(async () => {
    await service?.stop();
    await dropShape();
  });

  const handover = (overrides: Record<string, unknown> = {}) => handOverCase(http, tokens.police, overrides);
  const view = (caseId: string, headers = tokens.coordinator) => http().get(`/api/v1/cases/${caseId}`).set(headers);
  const call = (caseId: string, at: string) =>
    http().post(`/api/v1/cases/${caseId}/contacts`).set(tokens.coordinator).send({ channel: 'phone', outcome: 'no-answer', at });
  const safety = (caseId: string, body: object, headers = tokens.coordinator) =>
    http().post(`/api/v1/cases/${caseId}/contact-safety`).set(headers).send(body);

  it('shows the plan, contact safety from the crime\'s flags, the shared open evening, and the Police report number and note', async () => {
    const caseId = await handover({ handedOverAt: '2025-06-03T10:00:00+02:00', note: 'Delar telefon med gärningspersonen', policeReportNumber: '5000-K777001-25' });
    const shown = await view(caseId);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      policeReportNumber: '5000-K777001-25',
      note: 'Delar telefon med gärningspersonen',
      reachAttempts: { phone: 0, evening: 0, required: { phone: 3, evening: 1 }, dueAt: '2025-06-17T08:00:00.000Z', met: false },
      nextAttempt: { from: '2025-06-04T12:00:00.000Z', to: '2025-06-06T08:00:00.000Z', evening: false },
      sharedOpenEvening: { on: '2025-06-10', from: '2025-06-10T16:00:00.000Z', to: '2025-06-10T18:00:00.000Z' },
      // handoverBody's crime is flagged vald-i-nara-relation.
      contactSafety: { mayLeaveMessage: false, safeHours: null },
    });
    const unflagged = await view(await handover({ crime: { category: 'bedrageri' } }));
    expect(unflagged.body.contactSafety).toEqual({ mayLeaveMessage: true, safeHours: null });
  });

  it('plans the evening attempt after two daytime calls, and keeps it inside the safe hours set on the case', async () => {
    const caseId = await handover({ handedOverAt: '2025-06-03T10:00:00+02:00' });
    await call(caseId, '2025-06-03T11:00:00+02:00');
    const second = await call(caseId, '2025-06-04T13:00:00+02:00');
    expect(second.body.nextAttempt).toEqual({ from: '2025-06-04T16:00:00.000Z', to: '2025-06-04T19:00:00.000Z', evening: true });
    expect(second.body.reachAttempts).toMatchObject({ phone: 2, evening: 0, met: false });

    const changed = await safety(caseId, { mayLeaveMessage: false, safeHours: { from: '19:30', to: '20:15' }, note: 'Ring när han jobbar kväll' });
    expect(changed.status).toBe(200);
    expect(changed.body.contactSafety).toEqual({ mayLeaveMessage: false, safeHours: { from: '19:30', to: '20:15' }, note: 'Ring när han jobbar kväll' });
    expect(changed.body.nextAttempt).toEqual({ from: '2025-06-04T17:30:00.000Z', to: '2025-06-04T18:15:00.000Z', evening: true });
    expect(changed.body.history.at(-1)).toMatchObject({
      type: 'ContactSafetyChanged', mayLeaveMessage: false, safeHours: { from: '19:30', to: '20:15' }, note: 'Ring när han jobbar kväll', by: 'coord-v',
    });

    // The evening call at 19:45 meets the rule; nobody was reached, so calls may go on.
    clock.set('2025-06-04T18:00:00Z');
    const evening = await call(caseId, '2025-06-04T19:45:00+02:00');
    expect(evening.body.reachAttempts).toMatchObject({ phone: 3, evening: 1, met: true });
    expect(evening.body.nextAttempt).toMatchObject({ evening: false });
    expect((await http().post(`/api/v1/cases/${caseId}/closure`).set(tokens.coordinator).send({ reason: 'unreachable' })).status).toBe(200);
    expect((await view(caseId)).body.nextAttempt).toBeNull();
    clock.set('2025-06-04T12:00:00Z');
  });

  it('refuses safe hours that are not HH:MM or end before they start with 400 naming the field, and stores nothing', async () => {
    const caseId = await handover();
    const before = (await view(caseId)).body;
    const cases: Array<[object, string]> = [
      [{ mayLeaveMessage: true, safeHours: { from: '7:00', to: '12:00' } }, 'safeHours.from'],
      [{ mayLeaveMessage: true, safeHours: { from: '07:00', to: '24:00' } }, 'safeHours.to'],
      [{ mayLeaveMessage: true, safeHours: { from: '15:00', to: '09:00' } }, 'safeHours.to'],
      [{ mayLeaveMessage: 'yes' }, 'mayLeaveMessage'],
      [{ safeHours: null }, 'mayLeaveMessage'],
    ];
    for (const [body, path] of cases) {
      const refused = await safety(caseId, body);
      expect([refused.status, refused.body.error]).toEqual([400, 'validation-failed']);
      expect(refused.body.details.map((d: { path: string }) => d.path)).toEqual([path]);
    }
    const after = (await view(caseId)).body;
    expect(after.history).toEqual(before.history);
    expect(after.contactSafety).toEqual(before.contactSafety);
  });

  it('lets staff of the case\'s org change it; another org finds no such case', async () => {
    const caseId = await handover();
    expect((await safety(caseId, { mayLeaveMessage: true }, tokens.staff)).status).toBe(200);
    const other = await safety(caseId, { mayLeaveMessage: true }, tokens.southCoordinator);
    expect([other.status, other.body.error]).toEqual([404, 'case-not-found']);
  });

  it('finds the org\'s cases by Police report number (trimmed, any case), never another org\'s, and forgets it on erasure', async () => {
    const number = '5000-K888001-25';
    const ours = await handover({ policeReportNumber: number });
    await handover({ policeReportNumber: '5000-K888002-25' });
    const theirs = await handover({ policeReportNumber: number, area: { municipality: 'Stockholm', district: 'Farsta' } });
    const search = (headers: Headers, value: string) =>
      http().get('/api/v1/cases').query({ policeReportNumber: value }).set(headers);
    const found = await eventually(async () => {
      const response = await search(tokens.coordinator, ` ${number.toLowerCase()} `);
      return response.body.items?.length ? response : undefined;
    });
    expect(found.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([ours]);
    const south = await eventually(async () => {
      const response = await search(tokens.southCoordinator, number);
      return response.body.items?.length ? response : undefined;
    });
    expect(south.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([theirs]);
    expect((await search(tokens.coordinator, '5000-K888003-25')).body.items).toEqual([]);

    const erased = await http().post(`/api/v1/cases/${ours}/erasure`).set(tokens.coordinator).send({ reason: 'Personen bad om det' });
    expect(erased.status).toBe(200);
    expect(erased.body).not.toHaveProperty('policeReportNumber');
    expect(erased.body).not.toHaveProperty('note');
    await eventually(async () => ((await search(tokens.coordinator, number)).body.items.length === 0 ? true : undefined));
  });

  it('documents every new field and the new route in the OpenAPI document', async () => {
    const doc = (await http().get('/api/docs-json')).body;
    expect(doc.paths['/api/v1/cases/{id}/contact-safety'].post).toBeDefined();
    for (const [path, method] of [['/api/v1/cases/{id}', 'get'], ['/api/v1/cases/{id}/contacts', 'post'], ['/api/v1/cases/{id}/contact-safety', 'post']]) {
      expect([path, JSON.stringify(doc.paths[path][method].responses)]).toEqual([path, expect.stringContaining('#/components/schemas/CaseViewResponse')]);
    }
    expect(doc.paths['/api/v1/cases'].get.parameters.map((p: { name: string }) => p.name)).toContain('policeReportNumber');
    const caseView = doc.components.schemas.CaseViewResponse.properties;
    for (const field of ['reachAttempts', 'nextAttempt', 'sharedOpenEvening', 'contactSafety', 'policeReportNumber', 'note']) {
      expect([field, caseView[field]]).toEqual([field, expect.anything()]);
    }
    expect(Object.keys(doc.components.schemas.ContactSafetyDto.properties)).toEqual(['mayLeaveMessage', 'safeHours', 'note']);
    expect(Object.keys(doc.components.schemas.NextAttemptView.properties)).toEqual(['from', 'to', 'evening']);
  });
});
