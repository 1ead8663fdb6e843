import { Writable } from 'node:stream';
import request from 'supertest';
import { syntheticPersonnummer } from '@referral/case/testing';
import { startEmbeddedService, type RunningService } from '../support/app';
import { handoverBody } from '../support/handovers';
import { SettableClock } from '../support/settable-clock';
import { bearer, tokenFor } from '../support/tokens';

type Headers = Record<string, string>;

/** Every synthetic person of this run, and everything personal typed about them. */
const PEOPLE = {
  adult: { givenName: 'Loggunn', familyName: 'Spårlösdotter', personalIdentityNumber: syntheticPersonnummer('1981-03-14', { form: 12 }), phone: '+46 70 555 01 01', email: 'loggunn@example.test' },
  child: { givenName: 'Lillan', familyName: 'Barnfiktiv', personalIdentityNumber: syntheticPersonnummer('2012-05-20', { form: 12 }), phone: '+46 70 555 02 02' },
  other: { givenName: 'Konfliktus', familyName: 'Andrasson', phone: '+46 70 555 03 03' },
  registered: { givenName: 'Självanna', familyName: 'Anmälsson', phone: '+46 70 555 04 04', email: 'sjalv@example.test' },
};
const TYPED = ['Polisnotis loggtest', 'Ring efter klockan fem', 'Länkad med samtycke i telefon', 'Inte nåbar enligt kollega', 'Volontär Loggsdotter', 'Delar telefon med honom loggtest'];
const SECRETS = [...Object.values(PEOPLE).flatMap((p) => Object.values(p)), ...TYPED];

describe('logs of a full run hold no personal data (embedded service, real Redis, every level)', () => {
  let service: RunningService;
  const lines: string[] = [];
  const clock = new SettableClock(new Date('2025-06-10T08:00:00Z'));
  const tokens: Record<string, Headers> = {};
  const http = () => request(service.app.getHttpServer());

  beforeAll(async () => {
    const destination = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
    service = await startEmbeddedService({ LOG_LEVEL: 'trace' }, { clock, logDestination: destination });
    tokens.police = bearer(await tokenFor('police-1', 'city', ['police-integration']));
    tokens.coordinator = bearer(await tokenFor('coord-v', 'boj-vasterort', ['coordinator']));
    tokens.south = bearer(await tokenFor('coord-s', 'boj-sodra-stockholm', ['coordinator']));
    tokens.stodcentrum = bearer(await tokenFor('staff-sc', 'stodcentrum', ['staff']));
    tokens.analyst = bearer(await tokenFor('analyst-1', 'city', ['analyst']));
  });
  afterAll(() => service.stop());

  it('works every route with personal data, right and wrong, and no log line carries any of it', async () => {
    const police = (body: object) => http().post('/api/v1/handovers').set(tokens.police).send(body);
    const adult = handoverBody({ person: { ...PEOPLE.adult, birthDate: '1981-03-14' }, note: TYPED[0] });
    const received = await police(adult);
    expect(received.status).toBe(201);
    const caseId = received.body.caseId as string;
    expect((await police(adult)).status).toBe(200);
    expect((await police({ ...adult, person: { ...(adult.person as object), ...PEOPLE.other } })).status).toBe(409);
    expect((await police(handoverBody({ person: { ...PEOPLE.child, birthDate: '2012-05-20' }, consent: { subject: true, guardian: false } }))).status).toBe(422);
    expect((await police(handoverBody({ person: { ...PEOPLE.other, birthDate: PEOPLE.other.familyName } }))).status).toBe(400);
    expect((await police({ ...adult, handoverId: 'x', person: PEOPLE.other.givenName })).status).toBe(400);

    const registered = await http().post('/api/v1/cases').set(tokens.coordinator).send({
      source: 'self-referral', receivedAt: '2025-06-09T09:00:00+02:00', crime: { category: 'bedrageri' },
      person: { role: 'victim', gender: 'male', ...PEOPLE.registered, birthDate: '1970-01-01' }, area: { municipality: 'Solna' },
    });
    expect(registered.status).toBe(201);
    const volunteer = await http().post('/api/v1/orgs/boj-vasterort/volunteers').set(tokens.coordinator)
      .send({ displayName: TYPED[4], gender: 'female', userId: 'vol-1' });
    expect(volunteer.status).toBe(201);
    expect((await http().post(`/api/v1/cases/${caseId}/assignment`).set(tokens.coordinator).send({ volunteerId: volunteer.body.volunteerId })).status).toBe(200);

    const contact = (body: object, headers = tokens.coordinator) => http().post(`/api/v1/cases/${caseId}/contacts`).set(headers).send(body);
    expect((await contact({ channel: 'phone', outcome: 'no-answer', at: '2025-06-09T19:00:00+02:00', note: TYPED[1] })).status).toBe(201);
    expect((await contact({ channel: 'phone', outcome: 'no-answer', at: '2031-01-01T10:00:00+01:00', note: TYPED[1] })).status).toBe(400);
    expect((await contact({ channel: PEOPLE.other.phone, outcome: 'no-answer', note: TYPED[1] })).status).toBe(400);
    expect((await contact({ channel: 'phone', outcome: 'no-answer', note: TYPED[1] }, tokens.south)).status).toBe(404);
    const safety = (body: object) => http().post(`/api/v1/cases/${caseId}/contact-safety`).set(tokens.coordinator).send(body);
    expect((await safety({ mayLeaveMessage: false, safeHours: { from: '18:00', to: '20:00' }, note: TYPED[5] })).status).toBe(200);
    expect((await safety({ mayLeaveMessage: false, safeHours: { from: '20:00', to: '18:00' }, note: TYPED[5] })).status).toBe(400);
    expect((await http().get('/api/v1/cases').query({ policeReportNumber: adult.policeReportNumber as string }).set(tokens.coordinator)).status).toBe(200);
    const closeOverride = await http().post(`/api/v1/cases/${caseId}/closure`).set(tokens.coordinator)
      .send({ reason: 'unreachable', override: { reason: TYPED[3] } });
    expect(closeOverride.status).toBe(200);

    const young = await http().post('/api/v1/cases').set(tokens.coordinator).send({
      source: 'other-actor', receivedAt: '2025-06-09T10:00:00+02:00', crime: { category: 'ofredande' },
      person: { role: 'victim', gender: 'female', ...PEOPLE.child, birthDate: '2008-05-20', personalIdentityNumber: undefined },
    });
    expect(young.status).toBe(201);
    expect((await http().post(`/api/v1/cases/${young.body.caseId}/links`).set(tokens.coordinator).send({ to: 'stodcentrum', consent: true, note: TYPED[2] })).status).toBe(201);

    for (const path of [`/api/v1/cases/${caseId}`, '/api/v1/cases', '/api/v1/sla/breaches', '/api/v1/sla/at-risk', `/api/v1/audit?caseId=${caseId}`]) {
      expect((await http().get(path).set(tokens.coordinator)).status).toBe(200);
    }
    expect((await http().get('/api/v1/cases?status=open').set(tokens.stodcentrum)).status).toBe(200);
    expect((await http().get('/api/v1/statistics/report?from=2025-01-01&to=2025-12-31&format=html').set(tokens.analyst)).status).toBe(200);
    expect((await http().get(`/api/v1/cases/${caseId}`).set({ Authorization: `Bearer ${PEOPLE.adult.familyName}` })).status).toBe(401);
    expect((await http().post(`/api/v1/cases/${caseId}/erasure`).set(tokens.coordinator).send({ reason: 'requested' })).status).toBe(200);

    const log = lines.join('');
    // The capture works and is detailed: request lines with their route patterns, at debug and trace level too.
    expect(log).toContain('"route":"/api/v1/handovers"');
    expect(log).toContain('"route":"/api/v1/cases/:id/contacts"');
    expect(lines.length).toBeGreaterThan(30);
    const leaked = SECRETS.filter((secret) => log.includes(secret));
    expect(leaked).toEqual([]);
    // The Police report number searched for travels in the query string, which is never logged.
    expect(log).not.toContain(adult.policeReportNumber as string);
  });
});
