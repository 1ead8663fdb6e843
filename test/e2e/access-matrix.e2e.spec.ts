import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request, { type Response } from 'supertest';
import { syntheticPersonnummer } from '@referral/case/testing';
import { startEmbeddedService, type RunningService } from '../support/app';
import { matrixCallers, volunteersSeeUnassigned, CASE_ORGS, ORGS, type MatrixCaller, type Org } from '../support/access-callers';
import { servedRoutes } from '../support/app-routes';
import { eventually } from '../support/eventually';
import { handoverBody } from '../support/handovers';
import { SettableClock } from '../support/settable-clock';
import { bearer, tokenFor, type TestRole } from '../support/tokens';

/*
 * Every route of the API, driven with every role in every org and with no token. A route the app
 * serves that is missing here fails the suite: add it to ROUTES with who may do what.
 */

const NOW = '2025-06-10T08:00:00Z';
const LONG_AGO = '2025-06-02T10:00:00+02:00'; // first-contact deadline long past: breached
const LATELY = '2025-06-07T20:00:00+02:00'; // due 2025-06-10 20:00 local, 10 hours from NOW: at risk
const WORKERS: TestRole[] = ['coordinator', 'staff', 'volunteer'];

/** A synthetic case of the matrix; `assignee` is the sub of the volunteer it is assigned to. */
interface Fixture {
  key: string;
  org: Org | 'triage';
  assignee: string | null;
  familyName: string;
  phone: string;
  personalIdentityNumber?: string;
  caseId: string;
  volunteerId?: string;
}

interface Expectation {
  status: number;
  error?: string;
}

interface Probe {
  path: string;
  body?: object;
  query?: Record<string, string | number>;
}

/** How one route answers an allowed caller; anyone else gets 401 (no token) or 403 (role). */
interface RouteRule {
  roles: TestRole[] | 'public';
  /** Only once the route exists: routes another part of the work is adding. */
  pending?: string;
  /** Which targets the route is tried on: cases, orgs, or nothing. */
  targets: 'none' | 'cases' | 'orgs';
  /** The cases tried, when targets is 'cases' (default: every shared fixture). */
  cases?: string[];
  probe(caller: MatrixCaller, target: string): Probe;
  /** For an allowed caller: what it gets, given whether it may see the target case. */
  allowed(caller: MatrixCaller, target: string, sees: boolean): Expectation | 'not-found';
  /** Extra checks on an allowed caller's answer. */
  inspect?(response: Response, caller: MatrixCaller, target: string): void;
}

describe('access matrix: every route, every role, every org', () => {
  let service: RunningService;
  let callers: MatrixCaller[];
  const clock = new SettableClock(new Date(NOW));
  const fixtures = new Map<string, Fixture>();
  const missingCaseId = randomUUID();
  const inactiveVolunteers = new Map<string, string>();
  let projectionName: string;
  const http = () => request(service.app.getHttpServer());
  const fixture = (key: string) => fixtures.get(key)!;
  const caseOf = (target: string) => (target === 'missing' ? missingCaseId : fixture(target).caseId);

  /** What the contract lets a caller see: own org only, a volunteer their own cases (and unassigned ones if the org allows). */
  function sees(caller: MatrixCaller, target: string): boolean {
    if (target === 'missing' || !caller.org) return false;
    const f = fixture(target);
    // The city holds the triage queue; only its coordinators resolve it, and it sees no org's cases.
    if (caller.org === 'city') return f.org === 'triage' && caller.role === 'coordinator';
    if (f.org !== caller.org) return false;
    if (caller.role === 'coordinator' || caller.role === 'staff') return true;
    if (caller.role !== 'volunteer') return false;
    return f.assignee === caller.sub || (f.assignee === null && volunteersSeeUnassigned(caller.org));
  }

  /** The shared fixtures, and one case reserved for each route whose allowed call changes the case. */
  const SHARED = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'missing'];

  const ROUTES: Record<string, RouteRule> = {
    // Public (the link is the credential): a token that leads nowhere is 404 to anyone, token or not.
    'POST /api/v1/surveys/:token': {
      roles: 'public', targets: 'none',
      probe: () => ({ path: `/api/v1/surveys/${'A'.repeat(43)}`, body: { scores: { hjalp: 4 } } }),
      allowed: () => ({ status: 404, error: 'survey-not-found' }),
    },
    'GET /api/v1/health': { roles: 'public', targets: 'none', probe: () => ({ path: '/api/v1/health' }), allowed: () => ({ status: 200 }) },
    'GET /api/v1/metrics': { roles: 'public', targets: 'none', probe: () => ({ path: '/api/v1/metrics' }), allowed: () => ({ status: 200 }) },
    'GET /api/docs-json': { roles: 'public', targets: 'none', probe: () => ({ path: '/api/docs-json' }), allowed: () => ({ status: 200 }) },
    'GET /api/docs-yaml': { roles: 'public', targets: 'none', probe: () => ({ path: '/api/docs-yaml' }), allowed: () => ({ status: 200 }) },
    'GET /api/docs': { roles: 'public', targets: 'none', probe: () => ({ path: '/api/docs' }), allowed: () => ({ status: 200 }) },
    // The Swagger UI setup registers a LICENSE route that finds no file to send.
    ...swaggerUiAssets({ '/api/docs/': 200, '/api/docs/index.html': 200, '/api/docs/swagger-ui-init.js': 200, '/api/docs/docs/swagger-ui-init.js': 200, '/api/docs/LICENSE': 404 }),

    // An empty body passes the role check and stops at validation: no case is made.
    'POST /api/v1/handovers': {
      roles: ['police-integration'], targets: 'none',
      probe: () => ({ path: '/api/v1/handovers', body: {} }),
      allowed: () => ({ status: 400, error: 'validation-failed' }),
    },
    'POST /api/v1/cases': {
      roles: WORKERS, targets: 'none',
      probe: () => ({ path: '/api/v1/cases', body: registerBody() }),
      allowed: (caller) => (caller.org === 'city' ? { status: 403, error: 'forbidden' } : { status: 201 }),
      inspect: (response, caller) => expect(response.body.routedTo).toBe(caller.org),
    },
    'GET /api/v1/cases': {
      roles: WORKERS, targets: 'none',
      probe: () => ({ path: '/api/v1/cases', query: { limit: 500 } }),
      allowed: () => ({ status: 200 }),
      inspect: (response, caller) => {
        const listed = new Set(response.body.items.map((item: { caseId: string }) => item.caseId));
        for (const key of SHARED.filter((k) => k !== 'missing')) {
          expect([key, listed.has(fixture(key).caseId)]).toEqual([key, sees(caller, key)]);
        }
        const ownOrg = caller.org === 'city' ? 'triage' : caller.org;
        for (const item of response.body.items as Array<{ org: string }>) expect(item.org).toBe(ownOrg);
      },
    },
    'GET /api/v1/cases/:id': {
      roles: WORKERS, targets: 'cases',
      probe: (_, target) => ({ path: `/api/v1/cases/${caseOf(target)}` }),
      allowed: (_, __, seen) => (seen ? { status: 200 } : 'not-found'),
      inspect: (response, _, target) => {
        expect(response.body.caseId).toBe(fixture(target).caseId);
        expect(response.body.person.familyName).toBe(fixture(target).familyName);
      },
    },
    // An inactive volunteer of the caller's org: passes every access check, then the domain refuses.
    // A volunteer may name only "me" (tried in volunteers.e2e): naming anyone else is 403.
    'POST /api/v1/cases/:id/assignment': {
      roles: ['coordinator', 'volunteer'], targets: 'cases',
      probe: (caller, target) => ({
        path: `/api/v1/cases/${caseOf(target)}/assignment`,
        body: { volunteerId: inactiveVolunteers.get(caller.org!) ?? 'no-volunteer-in-this-org' },
      }),
      allowed: (caller, _, seen) => {
        if (caller.role === 'volunteer') return { status: 403, error: 'forbidden' };
        // The city has no volunteers: its coordinators get "no such volunteer" whatever the case.
        if (caller.org === 'city') return { status: 404, error: 'volunteer-not-found' };
        return seen ? { status: 409, error: 'volunteer-not-active' } : 'not-found';
      },
    },
    // Every org's volunteers; nothing of the case in the answer (suggestions list volunteers only).
    'GET /api/v1/cases/:id/volunteer-suggestions': {
      roles: ['coordinator'], targets: 'cases',
      probe: (_, target) => ({ path: `/api/v1/cases/${caseOf(target)}/volunteer-suggestions` }),
      allowed: (_, __, seen) => (seen ? { status: 200 } : 'not-found'),
      inspect: (response, caller) => {
        const inactive = inactiveVolunteers.get(caller.org!);
        for (const item of response.body.items as Array<{ volunteerId: string }>) expect(item.volunteerId).not.toBe(inactive);
      },
    },
    // A call before the case was received: the domain refuses it once the caller may touch the case.
    'POST /api/v1/cases/:id/contacts': {
      roles: WORKERS, targets: 'cases',
      probe: (_, target) => ({
        path: `/api/v1/cases/${caseOf(target)}/contacts`,
        body: { channel: 'phone', outcome: 'no-answer', at: '2025-01-02T10:00:00+01:00' },
      }),
      allowed: (_, target, seen) => (!seen ? 'not-found' : fixture(target).org === 'triage' ? { status: 409 } : { status: 400, error: 'validation-failed' }),
    },
    // A link to a party of the same kind is refused by the domain once the caller may touch the case.
    'POST /api/v1/cases/:id/links': {
      roles: WORKERS, targets: 'cases',
      probe: (_, target) => ({ path: `/api/v1/cases/${caseOf(target)}/links`, body: { to: sameKindAs(target), consent: true } }),
      allowed: (_, target, seen) => (!seen ? 'not-found' : fixture(target).org === 'triage' ? { status: 409 } : { status: 422, error: 'link-not-allowed' }),
    },
    // The one allowed call really resolves the triage case, so it works on its own case T.
    'POST /api/v1/cases/:id/triage': {
      roles: ['coordinator'], targets: 'cases', cases: ['A', 'D', 'F', 'T', 'missing'],
      probe: (_, target) => ({ path: `/api/v1/cases/${caseOf(target)}/triage`, body: { routeTo: 'boj-vasterort' } }),
      // Only the city resolves triage: any other org's coordinator finds no such case.
      allowed: (caller, _, seen) => (seen && caller.org === 'city' ? { status: 200 } : 'not-found'),
      inspect: (response, _, target) => expect(response.body).toEqual({ caseId: fixture(target).caseId, routedTo: 'boj-vasterort', status: 'open' }),
    },
    // Unreachable without the attempts made: refused once the caller may touch the case.
    'POST /api/v1/cases/:id/closure': {
      roles: WORKERS, targets: 'cases',
      probe: (_, target) => ({ path: `/api/v1/cases/${caseOf(target)}/closure`, body: { reason: 'unreachable' } }),
      allowed: (_, target, seen) => (!seen ? 'not-found' : fixture(target).org === 'triage' ? { status: 409 } : { status: 409, error: 'reach-attempts-not-met' }),
    },
    // The allowed call really erases, so it works on its own case R (of boj-vasterort).
    'POST /api/v1/cases/:id/erasure': {
      roles: ['coordinator'], targets: 'cases', cases: ['R', 'missing'],
      probe: (_, target) => ({ path: `/api/v1/cases/${caseOf(target)}/erasure`, body: { reason: 'The person asked to be forgotten' } }),
      allowed: (_, __, seen) => (seen ? { status: 200 } : 'not-found'),
    },
    'GET /api/v1/audit': {
      roles: ['coordinator', 'admin'], targets: 'cases', cases: ['A', 'D', 'missing'],
      probe: (_, target) => ({ path: '/api/v1/audit', query: { caseId: caseOf(target) } }),
      // An admin reads the trail of any case id, also one never in the case views (who tried to read it).
      allowed: (caller, _, seen) => (caller.role === 'admin' || seen ? { status: 200 } : 'not-found'),
    },

    'GET /api/v1/sla/breaches': {
      roles: ['coordinator', 'staff'], targets: 'none',
      probe: () => ({ path: '/api/v1/sla/breaches', query: { limit: 500 } }),
      allowed: () => ({ status: 200 }),
      inspect: (response, caller) => expectOnlyOwnOrg(response.body.items, caller, ['B', 'C', 'E']),
    },
    'GET /api/v1/sla/at-risk': {
      roles: ['coordinator', 'staff'], targets: 'none',
      probe: () => ({ path: '/api/v1/sla/at-risk', query: { withinHours: 24, limit: 500 } }),
      allowed: () => ({ status: 200 }),
      inspect: (response, caller) => expectOnlyOwnOrg(response.body.items, caller, ['A', 'D']),
    },
    'GET /api/v1/sla/stream': {
      roles: ['coordinator', 'staff'], targets: 'none',
      probe: () => ({ path: '/api/v1/sla/stream' }),
      allowed: () => ({ status: 200 }),
    },
    'GET /api/v1/statistics/report': {
      roles: ['analyst', 'coordinator'], targets: 'none',
      probe: () => ({ path: '/api/v1/statistics/report', query: { from: '2025-01-01', to: '2025-12-31' } }),
      allowed: () => ({ status: 200 }),
      inspect: (response) => {
        expect(Object.keys(response.body).sort()).toEqual(['parties', 'period', 'previousPeriod', 'total']);
        expectNoCaseData(response.text, [...fixtures.keys()]);
      },
    },

    'POST /api/v1/orgs/:org/volunteers': {
      roles: ['coordinator'], targets: 'orgs',
      probe: (_, org) => ({ path: `/api/v1/orgs/${org}/volunteers`, body: { displayName: 'Matris Volontär', gender: 'female', activeFrom: '2025-01-01', userId: `matrix-${randomUUID()}` } }),
      allowed: (caller, org) => (managesVolunteersOf(caller, org) ? { status: 201 } : { status: 403, error: 'forbidden' }),
    },
    'GET /api/v1/orgs/:org/volunteers': {
      roles: ['coordinator'], targets: 'orgs',
      probe: (_, org) => ({ path: `/api/v1/orgs/${org}/volunteers` }),
      allowed: (caller, org) => (managesVolunteersOf(caller, org) ? { status: 200 } : { status: 403, error: 'forbidden' }),
      inspect: (response, _, org) => {
        for (const volunteer of response.body.items as Array<{ org: string }>) expect(volunteer.org).toBe(org);
      },
    },
    // Deactivating one already inactive: refused by the domain once the caller may manage the org.
    'POST /api/v1/orgs/:org/volunteers/:id/deactivation': {
      roles: ['coordinator'], targets: 'orgs',
      probe: (_, org) => ({ path: `/api/v1/orgs/${org}/volunteers/${inactiveVolunteers.get(org) ?? 'nobody'}/deactivation`, body: {} }),
      allowed: (caller, org) => (managesVolunteersOf(caller, org) ? { status: 409, error: 'volunteer-already-deactivated' } : { status: 403, error: 'forbidden' }),
    },

    // The inactive volunteer's languages again: changes nothing, answers once the caller may manage the org.
    'POST /api/v1/orgs/:org/volunteers/:id/languages': {
      roles: ['coordinator'], targets: 'orgs',
      probe: (_, org) => ({ path: `/api/v1/orgs/${org}/volunteers/${inactiveVolunteers.get(org) ?? 'nobody'}/languages`, body: { languages: ['sv'] } }),
      allowed: (caller, org) => (managesVolunteersOf(caller, org) ? { status: 200 } : { status: 403, error: 'forbidden' }),
    },
    // A session of nobody the org knows: refused by the domain once the caller may manage the org.
    'POST /api/v1/orgs/:org/trainings': {
      roles: ['coordinator'], targets: 'orgs',
      probe: (_, org) => ({ path: `/api/v1/orgs/${org}/trainings`, body: { kind: 'further', on: '2025-06-01', participants: ['no-such-volunteer'] } }),
      allowed: (caller, org) => (managesVolunteersOf(caller, org) ? { status: 400, error: 'validation-failed' } : { status: 403, error: 'forbidden' }),
    },

    'GET /api/v1/admin/projections': {
      roles: ['admin'], targets: 'none', probe: () => ({ path: '/api/v1/admin/projections' }), allowed: () => ({ status: 200 }),
    },
    'GET /api/v1/admin/projections/:name': {
      roles: ['admin'], targets: 'none', probe: () => ({ path: `/api/v1/admin/projections/${projectionName}` }), allowed: () => ({ status: 200 }),
    },
    // An unknown projection: the role check passes, nothing is rebuilt.
    'POST /api/v1/admin/projections/:name/rebuild': {
      roles: ['admin'], targets: 'none',
      probe: () => ({ path: '/api/v1/admin/projections/no-such-projection/rebuild' }),
      allowed: () => ({ status: 404, error: 'not-found' }),
    },
  };

  /** A coordinator manages their own party's volunteers; the city is no party and has none. */
  function managesVolunteersOf(caller: MatrixCaller, org: string): boolean {
    return caller.org === org && org !== 'city';
  }

  function sameKindAs(target: string): string {
    const org = target === 'missing' ? 'boj-vasterort' : fixture(target).org;
    return org === 'stodcentrum' || org === 'triage' ? 'stodcentrum' : org;
  }

  function registerBody(): object {
    return {
      source: 'self-referral',
      receivedAt: '2025-06-09T10:00:00+02:00',
      crime: { category: 'bedrageri' },
      person: { role: 'victim', gender: 'male', givenName: 'Matris', familyName: 'Registrerad', personalIdentityNumber: syntheticPersonnummer('1980-02-02', { form: 12 }) },
    };
  }

  function expectOnlyOwnOrg(items: Array<{ caseId: string; org: string }>, caller: MatrixCaller, expected: string[]): void {
    const listed = new Set(items.map((item) => item.caseId));
    if (caller.org !== 'city') for (const item of items) expect(item.org).toBe(caller.org);
    for (const key of expected) {
      const inScope = caller.org === 'city' || fixture(key).org === caller.org;
      expect([key, listed.has(fixture(key).caseId)]).toEqual([key, inScope]);
    }
  }

  function expectNoCaseData(text: string, keys: string[]): void {
    for (const key of keys) {
      const f = fixture(key);
      for (const secret of [f.caseId, f.familyName, f.phone, f.personalIdentityNumber, f.volunteerId]) {
        if (secret) expect([key, text.includes(secret)]).toEqual([key, false]);
      }
    }
  }

  async function send(caller: MatrixCaller, probe: Probe, method: string): Promise<Response> {
    if (probe.path === '/api/v1/sla/stream') return openStream(caller);
    const call = method === 'GET' ? http().get(probe.path) : http().post(probe.path);
    call.set(caller.headers);
    if (probe.query) call.query(probe.query);
    return probe.body ? call.send(probe.body) : call;
  }

  /** The stream stays open, so only its status (and a refusal's body) is read, then it is dropped. */
  async function openStream(caller: MatrixCaller): Promise<Response> {
    const server = service.app.getHttpServer() as Server;
    if (!server.listening) await service.app.listen(0, '127.0.0.1');
    const { port } = server.address() as AddressInfo;
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/sla/stream`, { headers: caller.headers, signal: controller.signal });
    const text = response.ok ? '' : await response.text();
    controller.abort();
    if (response.ok) expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    return { status: response.status, text, body: text ? JSON.parse(text) : {} } as Response;
  }

  async function handover(key: string, org: Fixture['org'], handedOverAt: string, person: Record<string, unknown>, area: object): Promise<Fixture> {
    const familyName = `Matrisfiktiv${key}`;
    const phone = `+46 70 111 22 ${String(10 + Object.keys(person).length + fixtures.size)}`;
    const body = handoverBody({ handedOverAt, area, person: { familyName, phone, ...person } });
    const response = await http().post('/api/v1/handovers').set(police).send(body);
    expect([key, response.status, response.body.routedTo]).toEqual([key, 201, org]);
    const personalIdentityNumber = (body.person as { personalIdentityNumber?: string }).personalIdentityNumber;
    const created: Fixture = { key, org, assignee: null, familyName, phone, personalIdentityNumber, caseId: response.body.caseId };
    fixtures.set(key, created);
    return created;
  }

  async function registerVolunteer(org: string, userId: string, coordinator: Record<string, string>): Promise<string> {
    const response = await http().post(`/api/v1/orgs/${org}/volunteers`).set(coordinator).send({ displayName: `Matris ${userId}`, gender: 'female', activeFrom: '2025-01-01', userId });
    expect(response.status).toBe(201);
    return response.body.volunteerId;
  }

  let police: Record<string, string>;

  beforeAll(async () => {
    service = await startEmbeddedService({ RATE_LIMIT_SURVEY_PER_MINUTE: '100000' }, { clock });
    callers = await matrixCallers();
    police = bearer(await tokenFor('police-matrix', 'city', ['police-integration']));
    const coordinator = (org: string) => callers.find((c) => c.name === `coordinator@${org}`)!.headers;
    const adult = { personalIdentityNumber: syntheticPersonnummer('1984-03-03', { form: 12 }) };
    const ageUnknown = { personalIdentityNumber: undefined, birthDate: undefined };

    await handover('A', 'boj-vasterort', LATELY, adult, { municipality: 'Stockholm', district: 'Bromma' });
    await handover('B', 'boj-vasterort', LONG_AGO, adult, { municipality: 'Stockholm', district: 'Hässelby-Vällingby' });
    await handover('C', 'boj-vasterort', LONG_AGO, adult, { municipality: 'Solna' });
    await handover('D', 'boj-sodra-stockholm', LATELY, adult, { municipality: 'Stockholm', district: 'Farsta' });
    await handover('E', 'boj-stockholm-gotland', LONG_AGO, adult, { municipality: 'Stockholm', district: 'Södermalm' });
    await handover('F', 'stodcentrum', LATELY, { personalIdentityNumber: syntheticPersonnummer('2009-05-05', { form: 12 }) }, { municipality: 'Stockholm', district: 'Farsta' });
    await handover('G', 'triage', LATELY, ageUnknown, { municipality: 'Stockholm', district: 'Bromma' });
    await handover('T', 'triage', LATELY, ageUnknown, { municipality: 'Stockholm', district: 'Bromma' });
    await handover('R', 'boj-vasterort', LATELY, adult, { municipality: 'Stockholm', district: 'Bromma' });

    const vasterort = coordinator('boj-vasterort');
    for (const [key, userId] of [['A', 'volunteer-boj-vasterort'], ['B', 'another-volunteer-boj-vasterort']] as const) {
      const volunteerId = await registerVolunteer('boj-vasterort', userId, vasterort);
      const assigned = await http().post(`/api/v1/cases/${fixture(key).caseId}/assignment`).set(vasterort).send({ volunteerId });
      expect(assigned.status).toBe(200);
      Object.assign(fixture(key), { assignee: userId, volunteerId });
    }
    for (const org of CASE_ORGS) {
      const volunteerId = await registerVolunteer(org, `inactive-${org}`, coordinator(org));
      const ended = await http().post(`/api/v1/orgs/${org}/volunteers/${volunteerId}/deactivation`).set(coordinator(org)).send({ activeUntil: '2025-02-01' });
      expect(ended.status).toBe(200);
      inactiveVolunteers.set(org, volunteerId);
    }
    const admin = callers.find((c) => c.name === 'admin@city')!.headers;
    projectionName = (await http().get('/api/v1/admin/projections').set(admin)).body[0].name;

    // The breaches of the cases received long ago come from the deadline timers, at their own pace.
    const cityCoordinator = coordinator('city');
    await eventually(async () => {
      const breaches = await http().get('/api/v1/sla/breaches').set(cityCoordinator);
      const ids = new Set(breaches.body.items.map((b: { caseId: string }) => b.caseId));
      return ['B', 'C', 'E'].every((key) => ids.has(fixture(key).caseId)) ? true : undefined;
    }, 20_000);
  });
  afterAll(() => service?.stop());

  it('covers every route the app serves', () => {
    const uncovered = servedRoutes(service.app).filter((route) => !(route in ROUTES));
    expect(uncovered).toEqual([]);
  });

  describe.each(Object.entries(ROUTES))('%s', (route, rule) => {
    const [method] = route.split(' ');
    const title = rule.pending ? `answers each caller as the contract says (pending: ${rule.pending}; required once it is served)` : 'answers each caller as the contract says';

    it(title, async () => {
      if (!servedRoutes(service.app).includes(route)) {
        if (rule.pending) return;
        throw new Error(`${route} is in the matrix but the app does not serve it`);
      }
      const targets = rule.targets === 'cases' ? rule.cases ?? SHARED : rule.targets === 'orgs' ? [...ORGS] : ['-'];
      const problems: string[] = [];
      for (const caller of callers) {
        const permitted = rule.roles === 'public' || (caller.role !== null && rule.roles.includes(caller.role));
        // A caller the role rule stops is stopped before any case is looked at: one target shows it.
        const tried = permitted ? targets : targets.slice(0, 1);
        for (const target of tried) {
          const response = await send(caller, rule.probe(caller, target), method);
          const label = `${caller.name} on ${target}`;
          if (!permitted) {
            const expected = caller.role === null ? { status: 401, error: 'unauthorized' } : { status: 403, error: 'forbidden' };
            if (response.status !== expected.status || response.body.error !== expected.error) problems.push(`${label}: ${response.status} ${response.body.error}, expected ${expected.status} ${expected.error}`);
            if (rule.targets === 'cases') expectNoCaseData(response.text, [...fixtures.keys()]);
            continue;
          }
          const outcome = rule.allowed(caller, target, rule.targets === 'cases' && sees(caller, target));
          if (outcome === 'not-found') {
            await expectNotFound(response, caller, rule, method, label, problems);
            continue;
          }
          if (response.status !== outcome.status || (outcome.error && response.body.error !== outcome.error)) {
            problems.push(`${label}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}, expected ${outcome.status} ${outcome.error ?? ''}`);
            continue;
          }
          if (response.status < 300) rule.inspect?.(response, caller, target);
          // A refusal on a case the caller may see may name that case, never another.
          if (response.status >= 400 && rule.targets === 'cases') expectNoCaseData(response.text, [...fixtures.keys()].filter((key) => key !== target));
        }
      }
      expect(problems).toEqual([]);
    });
  });

  /** Another org's case answers exactly as a case that does not exist: same status, same body, nothing of the case. */
  async function expectNotFound(response: Response, caller: MatrixCaller, rule: RouteRule, method: string, label: string, problems: string[]): Promise<void> {
    const missing = await send(caller, rule.probe(caller, 'missing'), method);
    if (response.status !== 404 && response.status !== 403) problems.push(`${label}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}, expected 404 as for a missing case`);
    else if (response.text !== missing.text || response.status !== missing.status) problems.push(`${label}: answer differs from a missing case's: ${response.text} vs ${missing.text}`);
    expectNoCaseData(response.text, [...fixtures.keys()]);
  }

  it('serves an OpenAPI document without example personal data', async () => {
    const response = await http().get('/api/docs-json');
    expect(response.status).toBe(200);
    const examples: string[] = [];
    collectExamples(response.body, examples);
    for (const example of examples) {
      expect(example).not.toMatch(/\b(19|20)?\d{6}[-+]?\d{4}\b/); // personnummer
      expect(example).not.toMatch(/(\+46|\b0)[\s-]?7\d[\s\d-]{6,}/); // Swedish mobile number
      expect(example).not.toMatch(/@[a-z0-9-]+\.[a-z]{2,}/i); // e-mail address
    }
    expectNoCaseData(response.text, [...fixtures.keys()]);
  });
});

/** Every `example`/`examples` value in a JSON document, as text. */
/** The Swagger UI's own files: public, and nothing of a case in them. */
function swaggerUiAssets(statusByPath: Record<string, number>): Record<string, RouteRule> {
  return Object.fromEntries(
    Object.entries(statusByPath).map(([path, status]) => [
      `GET ${path}`,
      { roles: 'public', targets: 'none', probe: () => ({ path }), allowed: () => ({ status }) } satisfies RouteRule,
    ]),
  );
}

function collectExamples(node: unknown, into: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectExamples(item, into);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples' || key === 'default') into.push(JSON.stringify(value));
    else collectExamples(value, into);
  }
}
