import request from 'supertest';
import type { AuditEntry } from '@referral/audit';
import type { EventStore } from '@referral/event-store';
import { EVENT_STORE, READ_MODEL_DB } from '@referral/platform';
import type { SqlClient } from '@referral/sql';
import { ReadModelFreshness } from '../../apps/api/src/commands/read-model-freshness';
import { ApiException } from '../../apps/api/src/http/api-exception';
import { startEmbeddedService, type RunningService } from '../support/app';
import { eventually } from '../support/eventually';
import { handoverBody } from '../support/handovers';
import { SettableClock } from '../support/settable-clock';
import { bearer, tokenFor } from '../support/tokens';

type Headers = Record<string, string>;

const DAY = 24 * 60 * 60 * 1000;
const NOTE = 'Ringde Testa Hemligsson om hennes granne';
const FAMILY_NAME = 'Hemligsson';
const PHONE = '+46 70 111 22 33';

describe('idempotent commands with Idempotency-Key (embedded service, real Redis)', () => {
  let service: RunningService;
  const clock = new SettableClock(new Date('2025-06-10T08:00:00Z'));
  const tokens: Record<string, Headers> = {};
  const http = () => request(service.app.getHttpServer());
  const usedKeys: string[] = [];
  let caseId: string;

  const key = (name: string) => {
    const value = `${name}-${usedKeys.length}-tap`;
    usedKeys.push(value);
    return { 'Idempotency-Key': value };
  };
  const contact = (body: object, headers: Headers) => http().post(`/api/v1/cases/${caseId}/contacts`).set(headers).send(body);
  const typesOf = async (id = caseId) =>
    ((await http().get(`/api/v1/cases/${id}`).set(tokens.coordinator)).body.history as Array<{ type: string }>).map((e) => e.type);
  const contactsOf = async (id = caseId) => (await typesOf(id)).filter((type) => type === 'ContactRecorded').length;
  const call = (at: string) => ({ channel: 'phone', outcome: 'no-answer', at, note: NOTE });

  beforeAll(async () => {
    service = await startEmbeddedService({}, { clock, keepData: true });
    tokens.police = bearer(await tokenFor('police-1', 'city', ['police-integration']));
    tokens.coordinator = bearer(await tokenFor('coord-v', 'boj-vasterort', ['coordinator']));
    tokens.volunteer = bearer(await tokenFor('anna-v', 'boj-vasterort', ['volunteer']));
    tokens.otherVolunteer = bearer(await tokenFor('bo-v', 'boj-vasterort', ['volunteer']));
    const received = await http().post('/api/v1/handovers').set(tokens.police)
      .send(handoverBody({ person: { familyName: FAMILY_NAME, phone: PHONE } }));
    expect(received.status).toBe(201);
    caseId = received.body.caseId;
    for (const userId of ['anna-v', 'bo-v']) {
      const volunteer = await http().post('/api/v1/orgs/boj-vasterort/volunteers').set(tokens.coordinator)
        .send({ displayName: `Volontär ${userId}`, gender: 'female', activeFrom: '2025-01-01', userId });
      expect(volunteer.status).toBe(201);
      if (userId === 'anna-v') {
        const assigned = await http().post(`/api/v1/cases/${caseId}/assignment`).set(tokens.coordinator)
          .send({ volunteerId: volunteer.body.volunteerId });
        expect(assigned.status).toBe(200);
      }
    }
  });
  afterAll(() => service.stop());

  it('a volunteer tapping "save" twice records one call, answered twice alike, and both are audited', async () => {
    const tap = key('save');
    const first = await contact(call('2025-06-03T09:00:00+02:00'), { ...tokens.volunteer, ...tap });
    const second = await contact(call('2025-06-03T09:00:00+02:00'), { ...tokens.volunteer, ...tap });
    expect(first.status).toBe(201);
    expect(first.body.person.familyName).toBe(FAMILY_NAME);
    expect({ status: second.status, body: second.body }).toEqual({ status: first.status, body: first.body });
    expect(await contactsOf()).toBe(1);

    const trail = (await http().get(`/api/v1/audit?caseId=${caseId}&limit=500`).set(tokens.coordinator)).body.items as AuditEntry[];
    const recorded = trail.filter((entry) => entry.action === 'case.contact.record');
    expect(recorded.map((entry) => [entry.actor?.sub, entry.outcome.status])).toEqual([['anna-v', 201], ['anna-v', 201]]);
    expect(recorded[1].reason).toContain('replay of the answer this caller was given');
  });

  it('without the header a command behaves as in v1: the same body twice records two calls', async () => {
    const before = await contactsOf();
    for (let i = 0; i < 2; i += 1) expect((await contact(call('2025-06-03T10:00:00+02:00'), tokens.volunteer)).status).toBe(201);
    expect(await contactsOf()).toBe(before + 2);
  });

  it('20 concurrent identical requests take effect once and get 20 identical answers', async () => {
    const before = await contactsOf();
    const tap = key('burst');
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => contact(call('2025-06-03T11:00:00+02:00'), { ...tokens.volunteer, ...tap })),
    );
    const shapes = answers.map((answer) => ({ status: answer.status, body: answer.body }));
    expect(shapes[0].status).toBe(201);
    expect(shapes).toEqual(Array.from({ length: 20 }, () => shapes[0]));
    expect(await contactsOf()).toBe(before + 1);
  });

  it('the same key with another body is 422 idempotency-key-reused, and nothing changes', async () => {
    const tap = key('reuse');
    expect((await contact(call('2025-06-03T12:00:00+02:00'), { ...tokens.volunteer, ...tap })).status).toBe(201);
    const before = await typesOf();
    const reused = await contact({ ...call('2025-06-03T12:00:00+02:00'), outcome: 'voicemail' }, { ...tokens.volunteer, ...tap });
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ error: 'idempotency-key-reused' });
    expect(await typesOf()).toEqual(before);
  });

  it('another caller with the same key is independent', async () => {
    const before = await contactsOf();
    const tap = key('shared');
    const mine = await contact(call('2025-06-03T13:00:00+02:00'), { ...tokens.volunteer, ...tap });
    const theirs = await http().post(`/api/v1/cases/${caseId}/contacts`).set({ ...tokens.coordinator, ...tap })
      .send(call('2025-06-03T13:00:00+02:00'));
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(await contactsOf()).toBe(before + 2);
  });

  it('remembers a refusal (4xx): the same closure again is refused again, even once it would be allowed', async () => {
    const close = key('close');
    const closure = () => http().post(`/api/v1/cases/${caseId}/closure`).set({ ...tokens.coordinator, ...close }).send({ reason: 'unreachable' });
    const refused = await closure();
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('reach-attempts-not-met');
    expect((await contact(call('2025-06-04T19:30:00+02:00'), tokens.volunteer)).status).toBe(201);
    const again = await closure();
    expect({ status: again.status, body: again.body }).toEqual({ status: refused.status, body: refused.body });
    expect(await typesOf()).not.toContain('CaseClosed');
  });

  it('does not remember a 5xx: the same key runs the command when it is tried again', async () => {
    const store = service.app.get<EventStore>(EVENT_STORE);
    const append = store.appendToStream.bind(store);
    let failures = 0;
    const spy = jest.spyOn(store, 'appendToStream').mockImplementation(async (streamId, events, options) => {
      if (failures === 0 && streamId === `case-${caseId}` && events.some((event) => event.type === 'ContactRecorded')) {
        failures += 1;
        throw new Error('the store is away for a moment');
      }
      return append(streamId, events, options);
    });
    try {
      const before = await contactsOf();
      const tap = key('flaky');
      const failed = await contact(call('2025-06-04T09:00:00+02:00'), { ...tokens.volunteer, ...tap });
      expect(failed.status).toBe(500);
      expect(await contactsOf()).toBe(before);
      const retried = await contact(call('2025-06-04T09:00:00+02:00'), { ...tokens.volunteer, ...tap });
      expect(retried.status).toBe(201);
      expect(await contactsOf()).toBe(before + 1);
    } finally {
      spy.mockRestore();
    }
  });


  it('remembers 503 read-model-behind (the call was saved): the same key again answers it again and records nothing more', async () => {
    const spy = jest.spyOn(ReadModelFreshness.prototype, 'waitFor').mockRejectedValueOnce(
      new ApiException(503, 'read-model-behind', 'The change is saved, but the views have not caught up yet; reload in a moment'),
    );
    try {
      const before = await contactsOf();
      const tap = key('behind');
      const first = await contact(call('2025-06-04T11:00:00+02:00'), { ...tokens.volunteer, ...tap });
      expect({ status: first.status, error: first.body.error }).toEqual({ status: 503, error: 'read-model-behind' });
      const again = await contact(call('2025-06-04T11:00:00+02:00'), { ...tokens.volunteer, ...tap });
      expect({ status: again.status, body: again.body }).toEqual({ status: first.status, body: first.body });
      expect(await contactsOf()).toBe(before + 1);
    } finally {
      spy.mockRestore();
    }
  });

  it('takes effect once when the first run appended but its answer was never kept (its process died, its claim ran out)', async () => {
    const db = service.app.get<SqlClient>(READ_MODEL_DB);
    const scopes = async () => new Set((await db.query<{ scope: string }>('SELECT scope FROM idempotency_keys')).rows.map((r) => r.scope));
    const before = await contactsOf();
    const known = await scopes();
    const tap = key('died');
    expect((await contact(call('2025-06-04T10:00:00+02:00'), { ...tokens.volunteer, ...tap })).status).toBe(201);
    const [scope] = [...(await scopes())].filter((s) => !known.has(s));
    // What a kill -9 between the append and the kept answer leaves: a pending claim whose lease has ended.
    await db.query(
      `UPDATE idempotency_keys SET state = 'pending', status = NULL, answer = NULL, claim = 'dead-process', lease_until = $2 WHERE scope = $1`,
      [scope, new Date(clock.now().getTime() - 1000).toISOString()],
    );
    const again = await contact(call('2025-06-04T10:00:00+02:00'), { ...tokens.volunteer, ...tap });
    expect(again.status).toBe(201);
    expect(await contactsOf()).toBe(before + 1);
    const third = await contact(call('2025-06-04T10:00:00+02:00'), { ...tokens.volunteer, ...tap });
    expect({ status: third.status, body: third.body }).toEqual({ status: again.status, body: again.body });
  });
  it('refuses a malformed key with 400 naming the header, and records nothing', async () => {
    const before = await typesOf();
    for (const malformed of ['', 'x'.repeat(129), 'two words', 'nyckel-\u00e9', 'tab\there']) {
      const answer = await contact(call('2025-06-04T10:00:00+02:00'), { ...tokens.volunteer, 'Idempotency-Key': malformed });
      expect({ malformed, status: answer.status, body: answer.body }).toEqual({
        malformed,
        status: 400,
        body: { error: 'validation-failed', message: 'The request is not valid', details: [{ path: 'Idempotency-Key', message: expect.any(String) }] },
      });
    }
    expect((await contact(call('2025-06-04T10:00:00+02:00'), { ...tokens.volunteer, 'Idempotency-Key': 'x'.repeat(128) })).status).toBe(201);
    expect((await typesOf()).length).toBe(before.length + 1);
  });

  it('accepts the header on POST /handovers: the same key and body answer the first 201 again', async () => {
    const tap = key('handover');
    const body = handoverBody();
    const first = await http().post('/api/v1/handovers').set({ ...tokens.police, ...tap }).send(body);
    const again = await http().post('/api/v1/handovers').set({ ...tokens.police, ...tap }).send(body);
    expect(first.status).toBe(201);
    expect({ status: again.status, body: again.body }).toEqual({ status: 201, body: first.body });
  });

  it('keeps no plaintext of a key, a body or personal data, and seals every kept answer', async () => {
    const db = service.app.get<SqlClient>(READ_MODEL_DB);
    const { rows } = await db.query<{ scope: string; answer: { sealed?: number } }>('SELECT * FROM idempotency_keys');
    expect(rows.length).toBeGreaterThan(5);
    const table = JSON.stringify(rows);
    for (const plaintext of [...usedKeys, FAMILY_NAME, PHONE, NOTE, 'no-answer', 'Testa']) {
      expect({ plaintext, found: table.includes(plaintext) }).toEqual({ plaintext, found: false });
    }
    expect(rows.every((row) => row.answer?.sealed === 1)).toBe(true);
  });

  it('documents the header and the 422 on every POST in the OpenAPI document', async () => {
    const paths = (await http().get('/api/docs-json')).body.paths as Record<string, { post?: { parameters: Array<{ name: string; in: string }>; responses: Record<string, unknown> } }>;
    const posts = Object.entries(paths).filter(([, item]) => item.post);
    expect(posts.length).toBeGreaterThan(8);
    for (const [path, item] of posts) {
      expect({ path, header: item.post!.parameters.some((p) => p.name === 'Idempotency-Key' && p.in === 'header'), has422: '422' in item.post!.responses })
        .toEqual({ path, header: true, has422: true });
    }
  });

  it('replays after a restart on the same DATA_DIR, and after 24 hours the key is a new command', async () => {
    const tap = key('restart');
    const first = await contact(call('2025-06-05T09:00:00+02:00'), { ...tokens.volunteer, ...tap });
    expect(first.status).toBe(201);
    const before = await contactsOf();

    await service.stop();
    service = await startEmbeddedService({}, { clock, dataDir: service.dataDir });
    const replayed = await contact(call('2025-06-05T09:00:00+02:00'), { ...tokens.volunteer, ...tap });
    expect({ status: replayed.status, body: replayed.body }).toEqual({ status: first.status, body: first.body });
    expect(await contactsOf()).toBe(before);

    clock.advance(DAY - 1);
    expect((await contact(call('2025-06-05T09:00:00+02:00'), { ...tokens.volunteer, ...tap })).body).toEqual(first.body);
    expect(await contactsOf()).toBe(before);
    clock.advance(1);
    const renewed = await contact(call('2025-06-05T09:00:00+02:00'), { ...tokens.volunteer, ...tap });
    expect(renewed.status).toBe(201);
    expect(await contactsOf()).toBe(before + 1);
    // The keys of the day before are purged on a keyed request, at most every ten minutes.
    const db = service.app.get<SqlClient>(READ_MODEL_DB);
    const expired = async () =>
      (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys WHERE expires_at <= $1', [clock.now().toISOString()])).rows[0].n;
    clock.advance(10 * 60_000);
    expect(await expired()).toBeGreaterThan(5);
    expect((await contact(call('2025-06-05T09:30:00+02:00'), { ...tokens.volunteer, ...key('purge') })).status).toBe(201);
    await eventually(async () => {
      return (await expired()) === 0 || undefined;
    });
  });

  it("a replay after the case's erasure says the data is erased, and does not run the command again", async () => {
    const tap = key('erased');
    expect((await contact(call('2025-06-05T10:00:00+02:00'), { ...tokens.volunteer, ...tap })).status).toBe(201);
    const before = await contactsOf();
    expect((await http().post(`/api/v1/cases/${caseId}/erasure`).set(tokens.coordinator).send({ reason: 'Asked for it' })).status).toBe(200);
    const replayed = await contact(call('2025-06-05T10:00:00+02:00'), { ...tokens.volunteer, ...tap });
    expect(replayed.status).toBe(409);
    expect(replayed.body.error).toBe('personal-data-erased');
    expect(await contactsOf()).toBe(before);
  });
});
