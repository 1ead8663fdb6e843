import request from 'supertest';
import { startEmbeddedService, type RunningService } from '../support/app';
import { serviceShapes } from '../support/service-shapes';
import { handoverBody } from '../support/handovers';
import { SettableClock } from '../support/settable-clock';
import { bearer, tokenFor } from '../support/tokens';

type Headers = Record<string, string>;

describe.each(serviceShapes)('volunteers, suggestions, assignment changes and training (%s)', (_shape, backend) => {
  let service: RunningService;
  let drop: () => Promise<void>;
  const clock = new SettableClock(new Date('2025-06-10T08:00:00Z'));
  const tokens: Record<string, Headers> = {};
  const http = () => request(service.app.getHttpServer());
  const V = '/api/v1/orgs/boj-vasterort';

  beforeAll(async () => {
    const made = await backend();
    drop = made.drop;
    service = await startEmbeddedService(made.env, { clock });
    tokens.police = bearer(await tokenFor('police-1', 'city', ['police-integration']));
    tokens.coordinator = bearer(await tokenFor('coord-v', 'boj-vasterort', ['coordinator']));
    tokens.volunteer = bearer(await tokenFor('vol-anna', 'boj-vasterort', ['volunteer']));
    tokens.stranger = bearer(await tokenFor('vol-nobody', 'boj-vasterort', ['volunteer']));
    tokens.scCoordinator = bearer(await tokenFor('coord-sc', 'stodcentrum', ['coordinator']));
    tokens.scVolunteer = bearer(await tokenFor('vol-sc', 'stodcentrum', ['volunteer']));
    tokens.southCoordinator = bearer(await tokenFor('coord-s', 'boj-sodra-stockholm', ['coordinator']));
    tokens.analyst = bearer(await tokenFor('analyst-1', 'city', ['analyst']));
  });
  afterAll(async () => {
    await service?.stop();
    await drop?.();
  });

  async function handover(person: Record<string, unknown> = {}, headers = tokens.police): Promise<string> {
    const response = await http().post('/api/v1/handovers').set(headers).send(handoverBody({ person }));
    expect(response.status).toBe(201);
    return response.body.caseId;
  }

  async function register(body: Record<string, unknown>, org = 'boj-vasterort', headers = tokens.coordinator): Promise<string> {
    const response = await http().post(`/api/v1/orgs/${org}/volunteers`).set(headers).send({ gender: 'female', activeFrom: '2025-01-01', ...body });
    expect([response.status, response.body]).toEqual([201, { volunteerId: expect.any(String) }]);
    return response.body.volunteerId;
  }

  const assign = (caseId: string, volunteerId: string | null, headers = tokens.coordinator) =>
    http().post(`/api/v1/cases/${caseId}/assignment`).set(headers).send({ volunteerId });
  const roster = async () => (await http().get(`${V}/volunteers`).set(tokens.coordinator)).body.items as Array<Record<string, unknown>>;
  const entry = async (volunteerId: string) => (await roster()).find((v) => v.volunteerId === volunteerId)!;

  it('registers languages (default Swedish), replaces them, and refuses a code that is not ISO 639-1, storing nothing', async () => {
    const anna = await register({ displayName: 'Anna Fiktiv', userId: 'vol-anna', languages: ['sv', 'ar'] });
    const bo = await register({ displayName: 'Bo Fiktiv', userId: 'vol-bo' });
    expect(await entry(anna)).toMatchObject({ displayName: 'Anna Fiktiv', languages: ['sv', 'ar'], activeFrom: '2025-01-01', activeUntil: null, openCases: 0, basicTrainingOn: null });
    expect(await entry(bo)).toMatchObject({ languages: ['sv'] });

    const before = (await roster()).length;
    const refused = await http().post(`${V}/volunteers`).set(tokens.coordinator).send({ displayName: 'X', gender: 'male', languages: ['sv', 'swe', 'xx'] });
    expect(refused.status).toBe(400);
    expect(refused.body.details.map((d: { path: string }) => d.path)).toEqual(['languages[1]', 'languages[2]']);
    expect(await roster()).toHaveLength(before);

    const changed = await http().post(`${V}/volunteers/${bo}/languages`).set(tokens.coordinator).send({ languages: ['sv', 'fi'] });
    expect([changed.status, changed.body]).toEqual([200, { volunteerId: bo, languages: ['sv', 'fi'] }]);
    expect(await entry(bo)).toMatchObject({ languages: ['sv', 'fi'] });
    const bad = await http().post(`${V}/volunteers/${bo}/languages`).set(tokens.coordinator).send({ languages: ['fi', 'Sv'] });
    expect([bad.status, bad.body.details]).toEqual([400, [{ path: 'languages[1]', message: 'is not an ISO 639-1 language code' }]]);
    expect(await entry(bo)).toMatchObject({ languages: ['sv', 'fi'] });
    expect((await http().post(`${V}/volunteers/nobody/languages`).set(tokens.coordinator).send({ languages: ['sv'] })).status).toBe(404);
    expect((await http().post(`/api/v1/orgs/boj-sodra-stockholm/volunteers/${bo}/languages`).set(tokens.southCoordinator).send({ languages: ['sv'] })).status).toBe(404);
    expect((await http().post(`${V}/volunteers/${bo}/languages`).set(tokens.southCoordinator).send({ languages: ['sv'] })).status).toBe(403);
  });

  it('suggests speakers of the person\'s language first, then fewest open cases; unassigning and closing follow in the counts', async () => {
    const [anna] = (await roster()).filter((v) => v.displayName === 'Anna Fiktiv').map((v) => v.volunteerId as string);
    const cia = await register({ displayName: 'Cia Fiktiv', languages: ['ar', 'sv'] });
    const arabic = await handover({ preferredLanguage: 'ar' });
    const busy = await handover();
    expect((await assign(busy, anna!)).status).toBe(200);

    const suggestions = await http().get(`/api/v1/cases/${arabic}/volunteer-suggestions`).set(tokens.coordinator);
    expect(suggestions.status).toBe(200);
    const items = suggestions.body.items as Array<{ volunteerId: string; speaksPreferredLanguage: boolean; openCases: number }>;
    expect(items.slice(0, 2).map((i) => [i.volunteerId, i.speaksPreferredLanguage, i.openCases])).toEqual([[cia, true, 0], [anna, true, 1]]);
    expect(items.slice(2).every((i) => !i.speaksPreferredLanguage)).toBe(true);
    expect(items[0]).toEqual({ volunteerId: cia, displayName: 'Cia Fiktiv', languages: ['ar', 'sv'], openCases: 0, speaksPreferredLanguage: true });
    expect(suggestions.body.nextCursor).toBeNull();

    // Unassign: an event in the history, the worklist and the open-case count follow.
    const unassigned = await assign(busy, null);
    expect([unassigned.status, unassigned.body.assigneeId]).toEqual([200, null]);
    expect(unassigned.body.history.at(-1)).toMatchObject({ type: 'VolunteerUnassigned', volunteerId: anna, by: 'coord-v' });
    expect(await entry(anna!)).toMatchObject({ openCases: 0 });
    const list = await http().get('/api/v1/cases?status=open&limit=500').set(tokens.coordinator);
    expect(list.body.items.find((c: { caseId: string }) => c.caseId === busy).assigneeId).toBeNull();
    expect((await assign(busy, null)).status).toBe(200);
    // Only a coordinator unassigns; only a coordinator of the case's org sees suggestions.
    expect((await assign(busy, null, tokens.volunteer)).status).toBe(403);
    expect((await http().get(`/api/v1/cases/${arabic}/volunteer-suggestions`).set(tokens.southCoordinator)).status).toBe(404);
    expect((await http().get(`/api/v1/cases/${arabic}/volunteer-suggestions`).set(tokens.volunteer)).status).toBe(403);
  });

  it('lets a volunteer take an unassigned case with "me" where the org allows it, and refuses it elsewhere', async () => {
    const caseId = await handover();
    const taken = await assign(caseId, 'me', tokens.volunteer);
    expect(taken.status).toBe(200);
    const [anna] = (await roster()).filter((v) => v.displayName === 'Anna Fiktiv').map((v) => v.volunteerId as string);
    expect(taken.body.assigneeId).toBe(anna);
    expect(taken.body.history.at(-1)).toMatchObject({ type: 'VolunteerAssigned', volunteerId: anna, by: 'vol-anna' });
    // Now held by Anna: another volunteer cannot see it, let alone take it.
    await register({ displayName: 'Dora Fiktiv', userId: 'vol-dora' });
    const dora = bearer(await tokenFor('vol-dora', 'boj-vasterort', ['volunteer']));
    expect((await assign(caseId, 'me', dora)).status).toBe(404);
    // A volunteer names nobody else, and one who is no volunteer of the org takes nothing.
    expect((await assign(await handover(), anna!, dora)).status).toBe(403);
    expect((await assign(await handover(), 'me', tokens.stranger)).status).toBe(403);
    // Stödcentrum's policy keeps unassigned cases from its volunteers: 403.
    await register({ displayName: 'Sara Fiktiv', userId: 'vol-sc' }, 'stodcentrum', tokens.scCoordinator);
    const young = await handover({ personalIdentityNumber: undefined, birthDate: '2009-05-05' });
    const refused = await assign(young, 'me', tokens.scVolunteer);
    expect([refused.status, refused.body.error]).toEqual([403, 'forbidden']);
  });

  it('records training sessions; a volunteer pending basic training is 409 until a basic session lists them', async () => {
    const erik = await register({ displayName: 'Erik Fiktiv', basicTraining: 'pending' });
    expect(await entry(erik)).toMatchObject({ basicTraining: 'pending', basicTrainingOn: null });
    const caseId = await handover();
    const refused = await assign(caseId, erik);
    expect([refused.status, refused.body.error]).toEqual([409, 'basic-training-required']);

    const further = await http().post(`${V}/trainings`).set(tokens.coordinator).send({ kind: 'further', on: '2025-05-02', topic: 'Rättsprocessen', participants: [erik] });
    expect([further.status, further.body]).toEqual([201, { trainingId: expect.any(String) }]);
    expect((await assign(caseId, erik)).status).toBe(409);

    const unknown = await http().post(`${V}/trainings`).set(tokens.coordinator).send({ kind: 'basic', on: '2025-06-01', participants: [erik, 'no-such-volunteer'] });
    expect([unknown.status, unknown.body.details]).toEqual([400, [{ path: 'participants[1]', message: 'is not a volunteer of boj-vasterort' }]]);
    expect((await assign(caseId, erik)).status).toBe(409);

    const basic = await http().post(`${V}/trainings`).set(tokens.coordinator).send({ kind: 'basic', on: '2025-06-01', participants: [erik] });
    expect(basic.status).toBe(201);
    expect(await entry(erik)).toMatchObject({ basicTraining: 'passed', basicTrainingOn: '2025-06-01' });
    const assigned = await assign(caseId, erik);
    expect([assigned.status, assigned.body.assigneeId]).toEqual([200, erik]);

    // Another org's volunteer, a bad kind or date: 400 naming the field; another org's coordinator: 403.
    const sc = await register({ displayName: 'Sune Fiktiv' }, 'stodcentrum', tokens.scCoordinator);
    const other = await http().post(`${V}/trainings`).set(tokens.coordinator).send({ kind: 'basic', on: '2025-06-01', participants: [sc] });
    expect(other.body.details).toEqual([{ path: 'participants[0]', message: 'is not a volunteer of boj-vasterort' }]);
    const bad = await http().post(`${V}/trainings`).set(tokens.coordinator).send({ kind: 'advanced', on: '2025-13-01', participants: [erik] });
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['kind', 'on']);
    expect((await http().post(`${V}/trainings`).set(tokens.coordinator).send({ kind: 'basic', on: '2025-06-11', participants: [erik] })).body.details)
      .toEqual([{ path: 'on', message: 'is in the future' }]);
    expect((await http().post(`${V}/trainings`).set(tokens.southCoordinator).send({ kind: 'basic', on: '2025-06-01', participants: [erik] })).status).toBe(403);

    // The report counts the sessions held in the period, per party.
    const report = await http().get('/api/v1/statistics/report?from=2025-05-01&to=2025-06-30').set(tokens.analyst);
    expect(report.body.parties.map((p: { org: string; trainings: unknown }) => [p.org, p.trainings])).toEqual([
      ['stodcentrum', { basic: 0, further: 0 }], ['boj-stockholm-gotland', { basic: 0, further: 0 }],
      ['boj-sodra-stockholm', { basic: 0, further: 0 }], ['boj-vasterort', { basic: 1, further: 1 }],
    ]);
    const csv = await http().get('/api/v1/statistics/report?from=2025-05-01&to=2025-06-30&format=csv').set(tokens.analyst);
    expect(csv.text.split("\r\n")[0]).toMatch(/,trainings\.basic,trainings\.further,/);
    const june = await http().get('/api/v1/statistics/report?from=2025-06-01&to=2025-06-30').set(tokens.analyst);
    expect(june.body.parties[3].trainings).toEqual({ basic: 1, further: 0 });
  });

  it('shows every new field in the OpenAPI document', async () => {
    const doc = (await http().get('/api/docs-json')).body;
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas.RegisterVolunteerDto.properties)).toEqual(expect.arrayContaining(['languages', 'basicTraining']));
    expect(Object.keys(schemas.TrainingDto.properties)).toEqual(['kind', 'on', 'topic', 'participants']);
    expect(Object.keys(schemas.VolunteerView.properties)).toEqual(expect.arrayContaining(['languages', 'openCases', 'basicTrainingOn']));
    expect(Object.keys(schemas.VolunteerSuggestionView.properties)).toEqual(['volunteerId', 'displayName', 'languages', 'openCases', 'speaksPreferredLanguage']);
    expect(schemas.AssignmentDto.properties.volunteerId.nullable).toBe(true);
    expect(doc.paths['/api/v1/orgs/{org}/trainings'].post).toBeDefined();
    expect(doc.paths['/api/v1/orgs/{org}/volunteers/{id}/languages'].post).toBeDefined();
    expect(doc.paths['/api/v1/cases/{id}/volunteer-suggestions'].get).toBeDefined();
  });
});
