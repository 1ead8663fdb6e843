import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { caseDecider } from '@referral/case';
import { EventSourcedStream } from '@referral/case-workflows';
import type { EventStore } from '@referral/event-store';
import { EVENT_STORE } from '@referral/platform';
import { syntheticPersonnummer } from '@referral/case/testing';
import { startEmbeddedService, type RunningService } from '../support/app';
import { eventually } from '../support/eventually';
import { handOverCase } from '../support/handovers';
import { SettableClock } from '../support/settable-clock';
import { bearer, tokenFor } from '../support/tokens';

type Headers = Record<string, string>;

describe('working a case (embedded service, real Redis)', () => {
  let service: RunningService;
  const clock = new SettableClock(new Date('2025-06-10T08:00:00Z'));
  const tokens: Record<string, Headers> = {};
  const http = () => request(service.app.getHttpServer());

  beforeAll(async () => {
    service = await startEmbeddedService({}, { clock });
    tokens.police = bearer(await tokenFor('police-1', 'city', ['police-integration']));
    tokens.coordinator = bearer(await tokenFor('coord-v', 'boj-vasterort', ['coordinator']));
    tokens.volunteer = bearer(await tokenFor('anna-v', 'boj-vasterort', ['volunteer']));
    tokens.otherVolunteer = bearer(await tokenFor('bo-v', 'boj-vasterort', ['volunteer']));
    tokens.southCoordinator = bearer(await tokenFor('coord-s', 'boj-sodra-stockholm', ['coordinator']));
    tokens.stodcentrum = bearer(await tokenFor('staff-sc', 'stodcentrum', ['staff']));
    tokens.city = bearer(await tokenFor('coord-city', 'city', ['coordinator']));
    tokens.analyst = bearer(await tokenFor('analyst-1', 'city', ['analyst']));
  });
  afterAll(() => service.stop());

  const handover = (overrides: Record<string, unknown> = {}) => handOverCase(http, tokens.police, overrides);

  async function volunteer(userId: string, headers = tokens.coordinator, org = 'boj-vasterort'): Promise<string> {
    const response = await http().post(`/api/v1/orgs/${org}/volunteers`).set(headers)
      .send({ displayName: `Volontär ${userId}`, gender: 'female', activeFrom: '2025-01-01', userId });
    expect(response.status).toBe(201);
    return response.body.volunteerId;
  }

  const contact = (caseId: string, body: object, headers = tokens.coordinator) =>
    http().post(`/api/v1/cases/${caseId}/contacts`).set(headers).send(body);

  it('takes a case from handover to closure: assign, three calls (one in the evening), close as unreachable', async () => {
    const caseId = await handover();
    const volunteerId = await volunteer('anna-v');
    const assigned = await http().post(`/api/v1/cases/${caseId}/assignment`).set(tokens.coordinator).send({ volunteerId });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assigneeId).toBe(volunteerId);

    const unassigned = await handover();
    const mine = await http().get('/api/v1/cases?assignee=me').set(tokens.volunteer);
    expect(mine.body.items.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
    // Contract v1.1: `assignee=me` is the caller's own cases only; the unfiltered list adds the
    // org's unassigned ones where its access policy lets volunteers see them (Västerort does).
    expect(mine.body.items.every((c: { assigneeId: string | null }) => c.assigneeId === volunteerId)).toBe(true);
    const visible = await http().get('/api/v1/cases').set(tokens.volunteer);
    expect(visible.body.items.map((c: { caseId: string }) => c.caseId)).toEqual(expect.arrayContaining([caseId, unassigned]));

    const tooEarly = await http().post(`/api/v1/cases/${caseId}/closure`).set(tokens.volunteer).send({ reason: 'unreachable' });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body).toMatchObject({ error: 'reach-attempts-not-met' });
    expect(tooEarly.body.message).toContain('0 of 3 phone attempts');

    for (const at of ['2025-06-03T09:00:00+02:00', '2025-06-04T13:00:00+02:00']) {
      expect((await contact(caseId, { channel: 'phone', outcome: 'no-answer', at }, tokens.volunteer)).status).toBe(201);
    }
    const stillMissing = await http().post(`/api/v1/cases/${caseId}/closure`).set(tokens.volunteer).send({ reason: 'unreachable' });
    expect(stillMissing.status).toBe(409);
    expect(stillMissing.body.message).toMatch(/2 of 3 phone attempts; none in the evening/);

    const evening = await contact(caseId, { channel: 'phone', outcome: 'voicemail', at: '2025-06-05T19:30:00+02:00' }, tokens.volunteer);
    expect(evening.status).toBe(201);
    const closed = await http().post(`/api/v1/cases/${caseId}/closure`).set(tokens.volunteer).send({ reason: 'unreachable' });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    // Deadline events come from the timers at their own pace (the deadlines spec covers them).
    const deadlineEvents = /Deadline/;
    expect(closed.body.history.map((h: { type: string }) => h.type).filter((t: string) => !deadlineEvents.test(t))).toEqual([
      'CaseReceived', 'VolunteerAssigned', 'ContactRecorded', 'ContactRecorded', 'ContactRecorded', 'CaseClosed',
    ]);
    const afterClose = await contact(caseId, { channel: 'phone', outcome: 'no-answer' });
    expect(afterClose.status).toBe(409);
    expect(afterClose.body.error).toBe('case-closed');
  });

  it('keeps a coordinator\'s override of the attempts rule, with its reason, in the history; a volunteer cannot override', async () => {
    const caseId = await handover();
    const byVolunteer = await http().post(`/api/v1/cases/${caseId}/closure`).set(tokens.volunteer)
      .send({ reason: 'unreachable', override: { reason: 'Number disconnected' } });
    expect(byVolunteer.status).toBe(403);
    const closed = await http().post(`/api/v1/cases/${caseId}/closure`).set(tokens.coordinator)
      .send({ reason: 'unreachable', override: { reason: 'Number disconnected' } });
    expect(closed.status).toBe(200);
    expect(closed.body.history.find((h: { type: string }) => h.type === 'CaseClosed')).toMatchObject({ override: { reason: 'Number disconnected' } });
  });

  it('refuses contacts in the future or before receipt, and a meeting that did not reach the person', async () => {
    const caseId = await handover();
    const future = await contact(caseId, { channel: 'phone', outcome: 'reached', at: '2025-06-10T08:00:01Z' });
    expect(future.status).toBe(400);
    expect(future.body.details[0].path).toBe('at');
    const beforeReceipt = await contact(caseId, { channel: 'phone', outcome: 'reached', at: '2025-06-01T08:00:00Z' });
    expect(beforeReceipt.status).toBe(400);
    const meeting = await contact(caseId, { channel: 'meeting', outcome: 'no-answer' });
    expect(meeting.status).toBe(400);
    const badChannel = await contact(caseId, { channel: 'pigeon', outcome: 'reached' });
    expect(badChannel.body.details).toEqual([expect.objectContaining({ path: 'channel' })]);
  });

  it('links a young person from a jour to Stödcentrum, where a new case opens with source link', async () => {
    const registered = await http().post('/api/v1/cases').set(tokens.coordinator).send({
      source: 'self-referral',
      receivedAt: '2025-06-09T10:00:00+02:00',
      crime: { category: 'ran' },
      person: { role: 'victim', gender: 'male', givenName: 'Ung', familyName: 'Fiktiv', personalIdentityNumber: syntheticPersonnummer('2006-05-05', { form: 12 }) },
    });
    expect(registered.status).toBe(201);
    expect(registered.body.routedTo).toBe('boj-vasterort');
    const caseId = registered.body.caseId;
    const detail = await http().get(`/api/v1/cases/${caseId}`).set(tokens.coordinator);
    expect(detail.body.linkSuggested).toBe(true);

    // Contract v1.1: a link without consent (false or missing) is 422 consent-required; a consent that is not a boolean is 400.
    for (const body of [{ to: 'stodcentrum', consent: false }, { to: 'stodcentrum' }]) {
      const noConsent = await http().post(`/api/v1/cases/${caseId}/links`).set(tokens.coordinator).send(body);
      expect(noConsent.status).toBe(422);
      expect(noConsent.body).toMatchObject({ error: 'consent-required' });
    }
    const notABoolean = await http().post(`/api/v1/cases/${caseId}/links`).set(tokens.coordinator).send({ to: 'stodcentrum', consent: 'yes' });
    expect(notABoolean.status).toBe(400);
    expect(notABoolean.body.details).toEqual([expect.objectContaining({ path: 'consent' })]);
    const linked = await http().post(`/api/v1/cases/${caseId}/links`).set(tokens.coordinator).send({ to: 'stodcentrum', consent: true });
    expect(linked.status).toBe(201);
    const newCaseId = linked.body.linkedTo.caseId;
    expect(linked.body.linkedTo).toEqual({ caseId: newCaseId, org: 'stodcentrum' });

    const atStodcentrum = await http().get(`/api/v1/cases/${newCaseId}`).set(tokens.stodcentrum);
    expect(atStodcentrum.status).toBe(200);
    expect(atStodcentrum.body).toMatchObject({ org: 'stodcentrum', source: 'link', linkedFrom: { caseId, org: 'boj-vasterort' } });
    expect(atStodcentrum.body.person.givenName).toBe('Ung');
    expect((await http().get(`/api/v1/cases/${newCaseId}`).set(tokens.coordinator)).status).toBe(404);
  });

  it('opens the linked case from the worker when the request that linked died before opening it', async () => {
    const caseId = await handover({ person: { personalIdentityNumber: syntheticPersonnummer('2001-01-01', { form: 12 }) } });
    const store = service.app.get<EventStore>(EVENT_STORE);
    const linkedCaseId = randomUUID();
    const now = clock.now().toISOString();
    // Only PersonLinked is written, as by a request that died before opening the new case.
    await new EventSourcedStream(store).run(
      `case-${caseId}`,
      caseDecider,
      () => ({ type: 'LinkToOtherParty' as const, caseId, to: 'stodcentrum' as const, consent: true, linkedCaseId, at: now, now }),
      (refused) => {
        throw new Error(refused.error.message);
      },
      { metadata: {} },
    );
    const opened = await eventually(async () => {
      const response = await http().get(`/api/v1/cases/${linkedCaseId}`).set(tokens.stodcentrum);
      return response.status === 200 ? response : undefined;
    }, { what: 'the linked case to open at Stödcentrum', timeoutMs: 5_000 });
    expect(opened.body).toMatchObject({ source: 'link', linkedFrom: { caseId, org: 'boj-vasterort' } });
  });

  it('hides another org\'s case as not found, from reads and from commands', async () => {
    const caseId = await handover();
    for (const response of [
      await http().get(`/api/v1/cases/${caseId}`).set(tokens.southCoordinator),
      await contact(caseId, { channel: 'phone', outcome: 'reached' }, tokens.southCoordinator),
      await http().get('/api/v1/cases/00000000-0000-4000-8000-000000000000').set(tokens.coordinator),
      await http().get('/api/v1/cases/not-a-uuid').set(tokens.coordinator),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ error: 'case-not-found', message: 'No such case' });
    }
    const list = await http().get('/api/v1/cases').set(tokens.southCoordinator);
    expect(list.body.items.map((c: { caseId: string }) => c.caseId)).not.toContain(caseId);
    expect((await http().get('/api/v1/cases').set(tokens.analyst)).status).toBe(403);
  });

  it('shows a volunteer the cases assigned to them and unassigned ones, never a colleague\'s', async () => {
    const mineId = await handover();
    const colleaguesId = await handover();
    const unassignedId = await handover();
    const anna = await volunteer('anna-v-2');
    const bo = await volunteer('bo-v');
    await http().post(`/api/v1/cases/${colleaguesId}/assignment`).set(tokens.coordinator).send({ volunteerId: bo });
    await http().post(`/api/v1/cases/${mineId}/assignment`).set(tokens.coordinator).send({ volunteerId: anna });
    const annaHeaders = bearer(await tokenFor('anna-v-2', 'boj-vasterort', ['volunteer']));
    const seen = (await http().get('/api/v1/cases?limit=500').set(annaHeaders)).body.items.map((c: { caseId: string }) => c.caseId);
    expect(seen).toEqual(expect.arrayContaining([mineId, unassignedId]));
    expect(seen).not.toContain(colleaguesId);
    expect((await http().get(`/api/v1/cases/${colleaguesId}`).set(annaHeaders)).status).toBe(404);
  });

  it('assigns only an active volunteer of the case\'s own org', async () => {
    const caseId = await handover();
    const southVolunteer = await volunteer('s-1', tokens.southCoordinator, 'boj-sodra-stockholm');
    const other = await http().post(`/api/v1/cases/${caseId}/assignment`).set(tokens.coordinator).send({ volunteerId: southVolunteer });
    expect(other.status).toBe(404);
    const leaving = await volunteer('leaving-v');
    const deactivated = await http().post(`/api/v1/orgs/boj-vasterort/volunteers/${leaving}/deactivation`).set(tokens.coordinator).send({ activeUntil: '2025-06-01' });
    expect(deactivated.status).toBe(200);
    const inactive = await http().post(`/api/v1/cases/${caseId}/assignment`).set(tokens.coordinator).send({ volunteerId: leaving });
    expect(inactive.status).toBe(409);
    expect(inactive.body.error).toBe('volunteer-not-active');
    expect((await http().post('/api/v1/orgs/boj-sodra-stockholm/volunteers').set(tokens.coordinator).send({ displayName: 'X', gender: 'male' })).status).toBe(403);
  });

  it('lets the city resolve a triage case to a jour, whose clock starts then', async () => {
    const caseId = await handover({ area: { municipality: 'Uppsala' } });
    expect((await http().get(`/api/v1/cases/${caseId}`).set(tokens.coordinator)).status).toBe(404);
    const triage = await http().get('/api/v1/cases?status=triage').set(tokens.city);
    expect(triage.body.items.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
    const byJour = await http().post(`/api/v1/cases/${caseId}/triage`).set(tokens.coordinator).send({ routeTo: 'boj-vasterort' });
    expect(byJour.status).toBe(404);
    const resolved = await http().post(`/api/v1/cases/${caseId}/triage`).set(tokens.city).send({ routeTo: 'boj-vasterort' });
    expect(resolved.status).toBe(200);
    const detail = await http().get(`/api/v1/cases/${caseId}`).set(tokens.coordinator);
    expect(detail.body).toMatchObject({ org: 'boj-vasterort', status: 'open' });
    expect(detail.body.firstContactDueAt).toBe('2025-06-13T08:00:00.000Z');
  });

  it('loses no update when many contacts are recorded on one case at once', async () => {
    const caseId = await handover();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => contact(caseId, { channel: 'sms', outcome: 'no-answer', at: `2025-06-05T10:${String(i).padStart(2, '0')}:00+02:00` })),
    );
    const created = answers.filter((a) => a.status === 201).length;
    expect(answers.every((a) => a.status === 201 || (a.status === 409 && a.body.error === 'concurrent-update'))).toBe(true);
    const detail = await http().get(`/api/v1/cases/${caseId}`).set(tokens.coordinator);
    expect(detail.body.history.filter((h: { type: string }) => h.type === 'ContactRecorded')).toHaveLength(created);
    expect(created).toBeGreaterThan(0);
  });

  it('pages the worklist with a cursor and refuses a forged cursor', async () => {
    for (let i = 0; i < 3; i++) await handover();
    const first = await http().get('/api/v1/cases?limit=2').set(tokens.coordinator);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await http().get(`/api/v1/cases?limit=2&cursor=${first.body.nextCursor}`).set(tokens.coordinator);
    const ids = [...first.body.items, ...second.body.items].map((c: { caseId: string }) => c.caseId);
    expect(new Set(ids).size).toBe(ids.length);
    const forged = await http().get('/api/v1/cases?cursor=garbage').set(tokens.coordinator);
    expect(forged.status).toBe(400);
    expect((await http().get('/api/v1/cases?limit=501').set(tokens.coordinator)).status).toBe(400);
  });

  // Erasure has a suite of its own: test/e2e/erasure.e2e.spec.ts.
});
