import request from 'supertest';
import { AUDIT_LOG, type AuditEntry, type AuditLog } from '@referral/audit';
import type { EventStore } from '@referral/event-store';
import { EVENT_STORE, READ_MODEL_DB } from '@referral/platform';
import type { SqlClient } from '@referral/sql';
import { startEmbeddedService, type RunningService } from '../support/app';
import { eventually } from '../support/eventually';
import { handoverBody } from '../support/handovers';
import { SettableClock } from '../support/settable-clock';
import { bearer, tokenFor } from '../support/tokens';

type Headers = Record<string, string>;

describe('audit log (embedded service)', () => {
  let service: RunningService;
  const clock = new SettableClock(new Date('2025-06-10T08:00:00.000Z'));
  const tokens: Record<string, Headers> = {};
  const http = () => request(service.app.getHttpServer());
  const auditOf = (caseId: string, headers: Headers, query = '') => http().get(`/api/v1/audit?caseId=${caseId}${query}`).set(headers);
  const from = (requestId: string) => ({ 'X-Request-Id': requestId, 'User-Agent': 'referral-e2e/1.0' });

  beforeAll(async () => {
    service = await startEmbeddedService({}, { clock });
    tokens.police = bearer(await tokenFor('police-1', 'city', ['police-integration']));
    tokens.coordinator = bearer(await tokenFor('coord-v', 'boj-vasterort', ['coordinator']));
    tokens.southCoordinator = bearer(await tokenFor('coord-s', 'boj-sodra-stockholm', ['coordinator']));
    tokens.volunteer = bearer(await tokenFor('anna-v', 'boj-vasterort', ['volunteer']));
    tokens.staff = bearer(await tokenFor('staff-v', 'boj-vasterort', ['staff']));
    tokens.analyst = bearer(await tokenFor('analyst-1', 'city', ['analyst']));
    tokens.admin = bearer(await tokenFor('admin-sc', 'stodcentrum', ['admin']));
  });
  afterAll(() => service.stop());

  it('records the handover, a read, a contact and denied reads, and shows them to the coordinator only', async () => {
    const handover = handoverBody();
    const person = handover.person as Record<string, string>;
    const received = await http().post('/api/v1/handovers').set({ ...tokens.police, ...from('req-handover') }).send(handover);
    expect(received.status).toBe(201);
    const caseId: string = received.body.caseId;

    clock.set('2025-06-10T08:05:00.000Z');
    expect((await http().get(`/api/v1/cases/${caseId}`).set({ ...tokens.coordinator, ...from('req-read') })).status).toBe(200);
    clock.set('2025-06-10T08:10:00.000Z');
    const note = `Talade med ${person.givenName} ${person.familyName} på ${person.phone}`;
    const contact = await http().post(`/api/v1/cases/${caseId}/contacts`).set({ ...tokens.coordinator, ...from('req-contact') })
      .send({ channel: 'phone', outcome: 'reached', at: '2025-06-10T10:09:00+02:00', note });
    expect(contact.status).toBe(201);
    clock.set('2025-06-10T08:15:00.000Z');
    const otherOrg = await http().get(`/api/v1/cases/${caseId}`).set({ ...tokens.southCoordinator, ...from('req-other-org') });
    expect(otherOrg.status).toBe(404);
    expect((await http().get(`/api/v1/cases/${caseId}`).set({ ...tokens.analyst, ...from('req-analyst') })).status).toBe(403);

    // A refusal by the AuthGuard is recorded once its answer is out.
    const items = await eventually(async () => {
      const page = await auditOf(caseId, tokens.coordinator);
      return page.body.items?.length >= 5 ? (page.body.items as AuditEntry[]) : undefined;
    });
    expect(items.slice(0, 5).map((e) => [e.action, e.actor?.sub, e.outcome.status, e.outcome.access, e.origin.requestId])).toEqual([
      ['handover.receive', 'police-1', 201, 'allowed', 'req-handover'],
      ['case.read', 'coord-v', 200, 'allowed', 'req-read'],
      ['case.contact.record', 'coord-v', 201, 'allowed', 'req-contact'],
      ['case.read', 'coord-s', 404, 'denied', 'req-other-org'],
      ['case.read', 'analyst-1', 403, 'denied', 'req-analyst'],
    ]);
    expect(items.map((e) => e.seq)).toEqual([...items.map((e) => e.seq)].sort((a, b) => a - b));
    expect(items[0]).toMatchObject({
      at: '2025-06-10T08:00:00.000Z',
      route: 'POST /handovers',
      caseId,
      targets: { routedTo: 'boj-vasterort' },
      actor: { sub: 'police-1', org: 'city', roles: ['police-integration'] },
      reason: 'role police-integration',
    });
    expect(items[1]).toMatchObject({
      at: '2025-06-10T08:05:00.000Z',
      route: 'GET /cases/:id',
      reason: "role coordinator; case held by caller's org boj-vasterort",
      origin: { userAgent: 'referral-e2e/1.0' },
    });
    expect(items[1].origin.ip).toMatch(/127\.0\.0\.1|::1/);
    expect(items[2]).toMatchObject({ at: '2025-06-10T08:10:00.000Z', route: 'POST /cases/:id/contacts', outcome: { error: null } });
    expect(items[3]).toMatchObject({
      at: '2025-06-10T08:15:00.000Z',
      actor: { org: 'boj-sodra-stockholm' },
      outcome: { error: 'case-not-found' },
      reason: expect.stringMatching(/^role coordinator; case-not-found/),
    });
    expect(items[4]).toMatchObject({ caseId, outcome: { error: 'forbidden' }, reason: expect.stringMatching(/roles \(analyst\) are not allowed/) });

    // The events of the contact carry the request id its audit record names.
    const events = await service.app.get<EventStore>(EVENT_STORE).readStream(`case-${caseId}`);
    expect(events.find((e) => e.type === 'ContactRecorded')?.metadata).toMatchObject({ actor: 'coord-v', correlationId: 'req-contact' });

    const json = JSON.stringify(items);
    for (const personal of [person.givenName, person.familyName, person.personalIdentityNumber, person.phone, note, 'Bromma']) {
      expect(json).not.toContain(personal);
    }
    expect(json).not.toContain(person.personalIdentityNumber.replace(/\D/g, ''));
  });

  it("answers another org's coordinator 404 as for the case itself, refuses other roles, lets an admin of any org read", async () => {
    const caseId = (await http().post('/api/v1/handovers').set(tokens.police).send(handoverBody())).body.caseId as string;
    const caseAnswer = await http().get(`/api/v1/cases/${caseId}`).set(tokens.southCoordinator);
    const auditAnswer = await auditOf(caseId, tokens.southCoordinator);
    expect(auditAnswer.status).toBe(404);
    expect(auditAnswer.body).toEqual(caseAnswer.body);
    for (const role of ['volunteer', 'staff', 'analyst']) expect((await auditOf(caseId, tokens[role])).status).toBe(403);
    expect((await http().get('/api/v1/audit?caseId=not-a-uuid').set(tokens.coordinator)).status).toBe(400);
    expect(Object.keys((await http().get('/api/docs-json')).body.paths)).toContain('/api/v1/audit');
    expect((await auditOf(caseId, tokens.coordinator, '&cursor=bm9wZQ')).status).toBe(400);

    const byAdmin = await auditOf(caseId, tokens.admin);
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.nextCursor).toBeNull();
    // Reading the audit trail is itself in it.
    const seen = await eventually(async () => {
      const page = await auditOf(caseId, tokens.admin, '&limit=500');
      const actions = (page.body.items as AuditEntry[]).map((e) => `${e.action} ${e.actor?.sub} ${e.outcome.status}`);
      return actions.includes('audit.read anna-v 403') ? page.body.items as AuditEntry[] : undefined;
    });
    expect(seen.map((e) => `${e.action} ${e.actor?.sub} ${e.outcome.status}`)).toEqual(expect.arrayContaining([
      'audit.read coord-s 404', 'audit.read staff-v 403', 'audit.read admin-sc 200',
    ]));
    expect(seen.find((e) => e.actor?.sub === 'admin-sc')?.reason).toBe('role admin; admin reads the audit trail of any case');

    const first = await auditOf(caseId, tokens.admin, '&limit=2');
    expect(first.body.items).toHaveLength(2);
    const rest = await auditOf(caseId, tokens.admin, `&limit=500&cursor=${first.body.nextCursor}`);
    expect(rest.body.items[0].seq).toBeGreaterThan(first.body.items[1].seq);
  });

  it('answers 503, not the case, when its read cannot be recorded; the chain verifies', async () => {
    const caseId = (await http().post('/api/v1/handovers').set(tokens.police).send(handoverBody())).body.caseId as string;
    const log = service.app.get<AuditLog>(AUDIT_LOG);
    const append = jest.spyOn(log, 'append').mockRejectedValueOnce(new Error('database away'));
    const read = await http().get(`/api/v1/cases/${caseId}`).set(tokens.coordinator);
    append.mockRestore();
    expect(read.status).toBe(503);
    expect(read.body).toEqual({ error: 'audit-unavailable', message: expect.any(String) });

    expect((await http().get('/api/v1/cases').set(tokens.coordinator)).status).toBe(200);
    expect(await log.verify()).toMatchObject({ ok: true });
  });

  it('is not a projection: rebuilding the case views leaves it as it was, and the rebuild is in it', async () => {
    const caseId = (await http().post('/api/v1/handovers').set(tokens.police).send(handoverBody())).body.caseId as string;
    await http().get(`/api/v1/cases/${caseId}`).set(tokens.coordinator);
    const before = (await auditOf(caseId, tokens.admin, '&limit=500')).body.items as AuditEntry[];

    expect((await http().post('/api/v1/admin/projections/case_views/rebuild').set(tokens.admin)).status).toBe(202);
    await eventually(async () => {
      const state = (await http().get('/api/v1/admin/projections/case_views').set(tokens.admin)).body;
      return state.state === 'finished' ? state : undefined;
    });

    const after = (await auditOf(caseId, tokens.admin, '&limit=500')).body.items as AuditEntry[];
    expect(after.slice(0, before.length)).toEqual(before);
    const db = service.app.get<SqlClient>(READ_MODEL_DB);
    const { rows } = await db.query<{ content: string }>(`SELECT content FROM audit_log WHERE content LIKE '%"projection.rebuild"%'`);
    expect(rows.map((row) => JSON.parse(row.content))).toEqual([
      expect.objectContaining({ caseId: null, targets: { projection: 'case_views' }, outcome: { status: 202, access: 'allowed', error: null } }),
    ]);
    expect(await service.app.get<AuditLog>(AUDIT_LOG).verify()).toMatchObject({ ok: true });
  });
});
