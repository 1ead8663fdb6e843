import request from 'supertest';
import { filesContaining } from '../support/files-containing';
import { startEmbeddedService, type RunningService } from '../support/app';
import { serviceShapes } from '../support/service-shapes';
import { handoverBody } from '../support/handovers';
import { SettableClock } from '../support/settable-clock';
import { bearer, tokenFor } from '../support/tokens';

type Headers = Record<string, string>;
const SCORES = { bemotande: 5, information: 4, hjalp: 4, rekommendera: 5 };
const COMMENT = 'Fiktiv kommentar: Testa Surveysson var vänlig';

describe.each(serviceShapes)('satisfaction survey (%s, real Redis)', (_shape, shape) => {
  let service: RunningService;
  const clock = new SettableClock(new Date('2025-06-10T08:00:00Z'));
  const tokens: Record<string, Headers> = {};
  const http = () => request(service.app.getHttpServer());
  const answer = (path: string, body: object, headers: Headers = {}) => http().post(`/api/v1${path}`).set(headers).send(body);

  async function closedCase(reason = 'support-given', at = '2025-06-05T12:00:00+02:00'): Promise<{ caseId: string; view: Record<string, any> }> {
    const received = await http().post('/api/v1/handovers').set(tokens.police!).send(handoverBody({ handedOverAt: '2025-06-02T10:00:00+02:00' }));
    expect(received.status).toBe(201);
    const caseId = received.body.caseId as string;
    const closed = await http().post(`/api/v1/cases/${caseId}/closure`).set(tokens.coordinator!).send({ reason, at });
    expect(closed.status).toBe(200);
    return { caseId, view: closed.body };
  }
  const caseView = async (caseId: string) => (await http().get(`/api/v1/cases/${caseId}`).set(tokens.coordinator!)).body;

  let dropShape: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const made = await shape();
    dropShape = made.drop;
    service = await startEmbeddedService({ RATE_LIMIT_SURVEY_PER_MINUTE: '12', ...made.env }, { clock });
    tokens.police = bearer(await tokenFor('police-1', 'city', ['police-integration']));
    tokens.coordinator = bearer(await tokenFor('coord-v', 'boj-vasterort', ['coordinator']));
    tokens.otherCoordinator = bearer(await tokenFor('coord-s', 'boj-sodra-stockholm', ['coordinator']));
    tokens.volunteer = bearer(await tokenFor('anna-v', 'boj-vasterort', ['volunteer']));
  });
  afterAll(async () => {
    await service?.stop();
    await dropShape();
  });
  // Each test starts a new minute of the per-IP limit.
  beforeEach(() => clock.advance(60_000));

  it('shows a closed support-given case its survey link (256 random bits) to its org, and no survey for another reason', async () => {
    const { caseId, view } = await closedCase();
    expect(view.survey).toEqual({ link: expect.stringMatching(/^\/survey\/[A-Za-z0-9_-]{43}$/), answered: false });
    expect((await caseView(caseId)).survey).toEqual(view.survey);
    const declined = await closedCase('declined');
    expect(declined.view).not.toHaveProperty('survey');
    const other = await closedCase();
    expect(other.view.survey.link).not.toBe(view.survey.link);
  });

  it('takes one answer (201), then 409 survey-answered; the case shows answered but never the scores or the comment', async () => {
    const { caseId, view } = await closedCase();
    const first = await answer(`/surveys/${view.survey.link.slice(8)}`, { scores: SCORES, comment: COMMENT });
    expect(first.status).toBe(201);
    const again = await answer(`/surveys/${view.survey.link.slice(8)}`, { scores: SCORES });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: 'survey-answered' });
    const shown = await caseView(caseId);
    expect(shown.survey).toEqual({ link: view.survey.link, answered: true });
    expect(JSON.stringify(shown)).not.toContain('Surveysson');
    // The comment is sealed: no file of the store holds it in clear.
    expect((await filesContaining(service.dataDir, ['Surveysson'])).get('Surveysson')).toEqual([]);
  });

  it('keeps two people who answer with the same Idempotency-Key apart (no sign-in: the survey link is the caller)', async () => {
    const one = (await closedCase()).view.survey.link.slice(8);
    const two = (await closedCase()).view.survey.link.slice(8);
    const key = { 'Idempotency-Key': 'same-key-from-two-phones' };
    expect((await answer(`/surveys/${one}`, { scores: SCORES }, key)).status).toBe(201);
    expect((await answer(`/surveys/${two}`, { scores: { hjalp: 3 } }, key)).status).toBe(201);
    const tapAgain = await answer(`/surveys/${one}`, { scores: SCORES }, key);
    expect(tapAgain.status).toBe(201); // the first answer again, not 409: one tap too many uses nothing up
  });

  it('answers a token of the wrong shape 400 naming the path parameter, an unknown one 404', async () => {
    const bad = await answer('/surveys/not-a-token', { scores: SCORES });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ path: 'token', message: expect.any(String) }]);
    const unknown = await answer(`/surveys/${'A'.repeat(43)}`, { scores: SCORES });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: 'survey-not-found' });
  });

  it.each([
    [{ scores: { hjalp: 6 } }, 'scores.hjalp'],
    [{ scores: { hjalp: 0 } }, 'scores.hjalp'],
    [{ scores: { hjalp: 3.5 } }, 'scores.hjalp'],
    [{ scores: { hjalp: '4' } }, 'scores.hjalp'],
    [{ scores: { trevlig: 4 } }, 'scores.trevlig'],
    [{ scores: {} }, 'scores'],
    [{}, 'scores'],
    [{ scores: SCORES, comment: 7 }, 'comment'],
  ])('refuses %j with 400 naming %s, and uses nothing up', async (body, path) => {
    const { caseId, view } = await closedCase();
    const refused = await answer(`/surveys/${view.survey.link.slice(8)}`, body);
    expect(refused.status).toBe(400);
    expect(refused.body.details.map((d: { path: string }) => d.path)).toContain(path);
    expect((await caseView(caseId)).survey.answered).toBe(false);
    expect((await answer(`/surveys/${view.survey.link.slice(8)}`, { scores: SCORES })).status).toBe(201);
  });

  it('is valid 60 days from closing by the injected clock: then 404', async () => {
    clock.set('2025-06-10T08:00:00Z');
    const { view } = await closedCase('support-given', '2025-06-05T12:00:00+02:00');
    clock.set('2025-08-04T12:00:00.001+02:00');
    const late = await answer(`/surveys/${view.survey.link.slice(8)}`, { scores: SCORES });
    expect(late.status).toBe(404);
    clock.set('2025-06-10T08:00:00Z');
    expect((await answer(`/surveys/${view.survey.link.slice(8)}`, { scores: SCORES })).status).toBe(201);
  });

  it('takes an answer given earlier ("at") only from a coordinator of the case\'s org, within the 60 days', async () => {
    clock.set('2025-06-10T08:00:00Z');
    const { view } = await closedCase();
    const path = `/surveys/${view.survey.link.slice(8)}`;
    clock.set('2025-12-01T08:00:00Z');
    const body = { scores: SCORES, at: '2025-06-20T10:00:00+02:00' };
    expect((await answer(path, body)).status).toBe(401);
    expect((await answer(path, body, tokens.otherCoordinator)).status).toBe(403);
    expect((await answer(path, body, tokens.volunteer)).status).toBe(403);
    expect((await answer(path, { ...body, at: '2025-08-05T10:00:00+02:00' }, tokens.coordinator)).status).toBe(404);
    expect((await answer(path, body, tokens.coordinator)).status).toBe(201);
  });

  it('still takes the answer after the case is erased; the case then shows the survey without its link', async () => {
    clock.set('2025-06-10T08:00:00Z');
    const { caseId, view } = await closedCase();
    const erased = await http().post(`/api/v1/cases/${caseId}/erasure`).set(tokens.coordinator!).send({ reason: 'begäran' });
    expect(erased.status).toBe(200);
    expect(erased.body.survey).toEqual({ answered: false });
    expect((await answer(`/surveys/${view.survey.link.slice(8)}`, { scores: { hjalp: 4 } })).status).toBe(201);
    expect((await caseView(caseId)).survey).toEqual({ answered: true });
  });

  it('limits answers per client IP per minute, whatever they answer (429 with Retry-After)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 13; i += 1) statuses.push((await answer(`/surveys/${'B'.repeat(43)}`, { scores: SCORES })).status);
    expect(statuses.slice(0, 12)).toEqual(Array(12).fill(404));
    const limited = await answer(`/surveys/${'B'.repeat(43)}`, { scores: SCORES });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
