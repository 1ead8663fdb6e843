import fc from 'fast-check';
import request from 'supertest';
import type { EventStore } from '@referral/event-store';
import { EVENT_STORE } from '@referral/platform';
import { startEmbeddedService, type RunningService } from '../support/app';
import { brokenBody, type BodySpec } from '../support/fuzz/broken-bodies';
import {
  ASSIGNMENT, CLOSURE, CONTACT, CONTACT_SAFETY, DEACTIVATION, HANDOVER, LANGUAGES, LINK, REGISTER_CASE, SURVEY_ANSWER, TRAINING, TRIAGE, VOLUNTEER,
} from '../support/fuzz/body-specs';
import { INJECTIONS, hostileString } from '../support/fuzz/hostile-values';
import { handoverBody } from '../support/handovers';
import { SettableClock } from '../support/settable-clock';
import { bearer, tokenFor } from '../support/tokens';

/** Replay a failing run with FUZZ_SEED=<seed>; each property derives its own from it. */
const SEED = Number(process.env.FUZZ_SEED ?? 20250610);
const BODY_LIMIT = 64 * 1024;
/** encodeURIComponent throws on a lone surrogate; such a character goes as U+FFFD in a URL. */
const encode = (text: string) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd'));

describe('fuzzing the edge: hostile handovers and commands are refused with the contract\'s 4xx and change nothing', () => {
  let service: RunningService;
  let tokens: Record<'police' | 'coordinator' | 'city', Record<string, string>>;
  let caseId: string;
  let volunteerId: string;
  let surveyPath: string;
  let eventsBefore: string[];
  let sent = 0;
  const clock = new SettableClock(new Date('2025-06-10T08:00:00Z'));

  const http = () => request(service.app.getHttpServer());

  async function eventIds(): Promise<string[]> {
    const store = service.app.get<EventStore>(EVENT_STORE);
    const ids: string[] = [];
    let after: bigint | null = null;
    for (let batch = await store.readAll({ after }); batch.length > 0; batch = await store.readAll({ after })) {
      ids.push(...batch.map((event) => event.id));
      after = batch[batch.length - 1].position;
    }
    return ids;
  }

  beforeAll(async () => {
    service = await startEmbeddedService({ RATE_LIMIT_INTAKE_PER_MINUTE: '1000000', RATE_LIMIT_SURVEY_PER_MINUTE: '1000000' }, { clock });
    tokens = {
      police: bearer(await tokenFor('police-fuzz', 'city', ['police-integration'])),
      coordinator: bearer(await tokenFor('coord-fuzz', 'boj-vasterort', ['coordinator'])),
      city: bearer(await tokenFor('coord-city-fuzz', 'city', ['coordinator'])),
    };
    // Received at the (fixed) clock's now, so no deadline falls due and adds a breach while the fuzzing runs.
    const fresh = () => handoverBody({ handedOverAt: clock.now().toISOString() });
    const handover = await http().post('/api/v1/handovers').set(tokens.police).send(fresh());
    expect(handover.status).toBe(201);
    caseId = handover.body.caseId;
    const volunteer = await http().post('/api/v1/orgs/boj-vasterort/volunteers').set(tokens.coordinator)
      .send({ displayName: 'Fiktiv Fuzz', gender: 'female', activeFrom: '2025-01-01' });
    expect(volunteer.status).toBe(201);
    volunteerId = volunteer.body.volunteerId;
    // A case of its own closed with support-given, so the survey route has a live token to refuse bodies for.
    const surveyed = await http().post('/api/v1/handovers').set(tokens.police).send(fresh());
    const closed = await http().post(`/api/v1/cases/${surveyed.body.caseId}/closure`).set(tokens.coordinator).send({ reason: 'support-given' });
    expect(closed.status).toBe(200);
    surveyPath = `/api/v1/surveys/${(closed.body.survey.link as string).slice('/survey/'.length)}`;
    eventsBefore = await eventIds();
  });

  afterAll(async () => {
    expect(sent).toBeGreaterThanOrEqual(2000);
    await service?.stop();
  });

  /** The contract's error body and nothing of the inside: no stack, no file, no parser message. */
  function expectRefusal(response: request.Response, allowed: number[] | 'any-4xx', input: string): void {
    sent += 1;
    const body = response.body as { error?: unknown; message?: unknown; details?: unknown };
    const problems: string[] = [];
    const statusOk = allowed === 'any-4xx' ? response.status >= 400 && response.status < 500 : allowed.includes(response.status);
    if (!statusOk) problems.push(`status ${response.status}`);
    if (typeof body.error !== 'string' || typeof body.message !== 'string') problems.push('no error/message strings');
    if (Object.keys(body).some((key) => !['error', 'message', 'details'].includes(key))) problems.push('extra keys');
    if (body.error === 'validation-failed') {
      const details = body.details;
      const wellFormed = Array.isArray(details) && details.length > 0
        && details.every((d) => typeof d?.path === 'string' && typeof d?.message === 'string' && Object.keys(d).length === 2);
      if (!wellFormed) problems.push('details not a non-empty [{path, message}]');
    } else if (body.details !== undefined) {
      problems.push('details outside validation');
    }
    if (/node_modules|\.[jt]s:\d+|\bat \S+ \(|SyntaxError|Unexpected token/.test(response.text)) problems.push('internals in the body');
    if (problems.length > 0) {
      throw new Error(`${problems.join(', ')}: ${response.status} ${response.text.slice(0, 300)} for ${input.slice(0, 300)}`);
    }
  }

  const commandRoutes: Array<[string, () => string, BodySpec, () => Record<string, string>, number]> = [
    ['POST /handovers', () => '/api/v1/handovers', HANDOVER, () => tokens.police, 650],
    ['POST /cases', () => '/api/v1/cases', REGISTER_CASE, () => tokens.coordinator, 300],
    ['POST /cases/{id}/contacts', () => `/api/v1/cases/${caseId}/contacts`, CONTACT, () => tokens.coordinator, 200],
    ['POST /cases/{id}/links', () => `/api/v1/cases/${caseId}/links`, LINK, () => tokens.coordinator, 150],
    ['POST /cases/{id}/closure', () => `/api/v1/cases/${caseId}/closure`, CLOSURE, () => tokens.coordinator, 150],
    ['POST /cases/{id}/assignment', () => `/api/v1/cases/${caseId}/assignment`, ASSIGNMENT, () => tokens.coordinator, 100],
    ['POST /cases/{id}/contact-safety', () => `/api/v1/cases/${caseId}/contact-safety`, CONTACT_SAFETY, () => tokens.coordinator, 100],
    ['POST /cases/{id}/triage', () => `/api/v1/cases/${caseId}/triage`, TRIAGE, () => tokens.city, 100],
    ['POST /orgs/{org}/volunteers', () => '/api/v1/orgs/boj-vasterort/volunteers', VOLUNTEER, () => tokens.coordinator, 150],
    ['POST /orgs/{org}/volunteers/{id}/deactivation', () => `/api/v1/orgs/boj-vasterort/volunteers/${volunteerId}/deactivation`, DEACTIVATION, () => tokens.coordinator, 100],
    ['POST /orgs/{org}/volunteers/{id}/languages', () => `/api/v1/orgs/boj-vasterort/volunteers/${volunteerId}/languages`, LANGUAGES, () => tokens.coordinator, 100],
    ['POST /orgs/{org}/trainings', () => '/api/v1/orgs/boj-vasterort/trainings', TRAINING, () => tokens.coordinator, 100],
    ['POST /surveys/{token}', () => surveyPath, SURVEY_ANSWER, () => ({}), 150],
  ];

  it.each(commandRoutes.map((route, index) => [route[0], index] as const))('%s: a body broken in one place is 400 with its violations', async (_name, index) => {
    const [, path, spec, token, runs] = commandRoutes[index];
    await fc.assert(
      fc.asyncProperty(brokenBody(spec), async ({ json }) => {
        const response = await http().post(path()).set(token()).set('Content-Type', 'application/json').send(json);
        expectRefusal(response, [400], json);
      }),
      { seed: SEED + index, numRuns: runs, endOnFailure: true },
    );
  });

  it('bodies that are not a JSON object: malformed text, scalars, injection text, any content type, oversized', async () => {
    const notJson = fc.oneof(
      fc.constantFrom(...INJECTIONS).map((text) => ({ text, type: 'application/json', status: [400] })),
      fc.constantFrom('{', '{"a":', '[1,2', '{"a":1,}', "{'a':1}", 'null', 'true', '42', '"text"', '{"a":NaN}', '\u0000{}').map((text) => ({ text, type: 'application/json', status: [400] })),
      fc.constantFrom('[]', '[{"handoverId":"x"}]', '[[[[]]]]').map((text) => ({ text, type: 'application/json', status: [400] })),
      fc.tuple(hostileString, fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x', 'application/json-patch+json', 'text/html'))
        .map(([text, type]) => ({ text: text || 'x', type, status: [415] })),
      fc.tuple(fc.integer({ min: BODY_LIMIT + 1, max: BODY_LIMIT * 3 }), fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream'))
        .map(([size, type]) => ({ text: `{"note":"${'x'.repeat(size)}"}`, type, status: [413] })),
    );
    const route = fc.constantFrom(...commandRoutes.map(([, path, , token]) => ({ path, token })));
    await fc.assert(
      fc.asyncProperty(notJson, route, async ({ text, type, status }, { path, token }) => {
        const response = await http().post(path()).set(token()).set('Content-Type', type).send(text);
        expectRefusal(response, status, `${type}: ${text}`);
      }),
      { seed: SEED + 100, numRuns: 300, endOnFailure: true },
    );
  });

  it('case ids that are not ids, and query strings that are not the contract\'s', async () => {
    const notAnId = hostileString.filter((s) => s.length > 0 && !/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(s));
    const badQuery = fc.oneof(
      fc.constantFrom('limit=abc&limit=2', 'limit=0', 'limit=501', 'limit=1e3', 'limit[]=2', 'status=open&status=closed', 'slaState=late',
        '__proto__=1', '__proto__[x]=1', 'constructor[prototype][x]=1', 'cursor=' + 'c'.repeat(300), 'assignee=' + 'a'.repeat(200)),
      fc.tuple(fc.constantFrom('limit', 'status', 'slaState', 'withinHours'), hostileString.filter((s) => !['open', 'closed', 'triage', 'ok', 'at-risk', 'breached'].includes(s) && !/^\d+$/.test(s)))
        .map(([key, value]) => `${key}=${encode(value)}`),
      hostileString.filter((s) => s.length > 0).map((key) => `${encode(key)}=1`),
    );
    const probe = fc.oneof(
      fc.tuple(notAnId, fc.constantFrom('', '/contacts', '/links', '/closure', '/assignment', '/triage'))
        .map(([id, suffix]) => ({ method: suffix ? 'post' : 'get', url: `/api/v1/cases/${encode(id)}${suffix}`, status: [400, 404] })),
      badQuery.map((query) => ({ method: 'get', url: `/api/v1/cases?${query}`, status: [400] })),
      badQuery.map((query) => ({ method: 'get', url: `/api/v1/sla/at-risk?${query}`, status: [400] })),
    );
    await fc.assert(
      fc.asyncProperty(probe, async ({ method, url, status }) => {
        const response = method === 'post'
          ? await http().post(url).set(tokens.coordinator).send(CONTACT.valid())
          : await http().get(url).set(tokens.coordinator);
        expectRefusal(response, status, `${method} ${url}`);
      }),
      { seed: SEED + 200, numRuns: 250, endOnFailure: true },
    );
  });

  it('left the event store as it was', async () => {
    expect(await eventIds()).toEqual(eventsBefore);
  });
});
