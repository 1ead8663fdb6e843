import fc from 'fast-check';
import request from 'supertest';
import { syntheticPersonnummer } from '@referral/case/testing';
import { startEmbeddedService, type RunningService } from '../support/app';
import { eventually } from '../support/eventually';
import { handoverBody } from '../support/handovers';
import { SettableClock } from '../support/settable-clock';
import { bearer, tokenFor } from '../support/tokens';

type Headers = Record<string, string>;
type Report = { period: object; parties: Array<Record<string, unknown>>; total: Record<string, number> };

const split = (total: number, byGender: Record<string, number> = {}) => ({ total, byGender });
const NO_FLAGS = { gangrelaterat: 0, 'vald-i-nara-relation': 0, hedersrelaterat: 0 };
const NO_SLA = { firstContactOnTime: 0, firstContactLate: 0, firstContactOpen: 0, reachAttemptsMet: 0, reachAttemptsBreached: 0 };
const NO_ANSWERS = { responses: 0, average: null, byQuestion: { bemotande: null, information: null, hjalp: null, rekommendera: null } };
const NOTHING_BEFORE = { handledCases: 0, directContacts: 0, actions: 0, supportPersons: 0, linksReceived: 0 };
const emptyParty = (org: string) => ({
  org, handledCases: split(0), directContacts: split(0), actions: split(0), supportPersons: split(0), linksReceived: split(0),
  crimeTypes: [], flags: NO_FLAGS, sla: NO_SLA, trainings: { basic: 0, further: 0 }, satisfaction: NO_ANSWERS, previous: NOTHING_BEFORE,
});

/** What the posted cases, contacts, links and volunteers must give for Q2 2024 (April-June, Stockholm). */
const SECOND_QUARTER = {
  period: { from: '2024-04-01', to: '2024-06-30' },
  previousPeriod: { from: '2024-01-01', to: '2024-03-31' },
  parties: [
    {
      ...emptyParty('stodcentrum'),
      handledCases: split(1, { GF: 1 }),
      directContacts: split(1, { GF: 1 }),
      actions: split(2, { GF: 2 }),
      crimeTypes: [{ category: 'ofredande', cases: 1, share: 1 }],
      sla: { ...NO_SLA, firstContactOnTime: 1, reachAttemptsMet: 1 },
      satisfaction: { responses: 1, average: 4, byQuestion: { bemotande: 4, information: null, hjalp: null, rekommendera: null } },
    },
    emptyParty('boj-stockholm-gotland'),
    emptyParty('boj-sodra-stockholm'),
    {
      ...emptyParty('boj-vasterort'),
      handledCases: split(2, { M: 1, GF: 1 }),
      directContacts: split(1, { K: 1 }),
      actions: split(1, { M: 1 }),
      supportPersons: split(1, { M: 1 }),
      linksReceived: split(1, { GF: 1 }),
      crimeTypes: [{ category: 'bedrageri', cases: 1, share: 0.5 }, { category: 'ofredande', cases: 1, share: 0.5 }],
      sla: { ...NO_SLA, firstContactOnTime: 1, firstContactLate: 1, reachAttemptsBreached: 2 },
      // Two answers in April: {5, 4, 4, 4} and {hjalp: 3}; the one answered on 1 July (Stockholm) counts in Q3.
      satisfaction: { responses: 2, average: 4, byQuestion: { bemotande: 5, information: 4, hjalp: 3.5, rekommendera: 4 } },
      // Q1 2024: the case received 23:30 on 31 March and the volunteer active until 31 March.
      previous: { ...NOTHING_BEFORE, handledCases: 1, supportPersons: 1 },
    },
  ],
  total: { handledCases: 3, directContacts: 2, actions: 3, supportPersons: 1, linksReceived: 1 },
};

/** Q1 2024: the case received 23:30 on 31 March (Stockholm) and the volunteer active until 31 March. */
const FIRST_QUARTER = {
  period: { from: '2024-01-01', to: '2024-03-31' },
  previousPeriod: { from: '2023-10-01', to: '2023-12-31' },
  parties: [
    emptyParty('stodcentrum'),
    emptyParty('boj-stockholm-gotland'),
    emptyParty('boj-sodra-stockholm'),
    {
      ...emptyParty('boj-vasterort'),
      handledCases: split(1, { K: 1 }),
      supportPersons: split(1, { K: 1 }),
      crimeTypes: [{ category: 'misshandel', cases: 1, share: 1 }],
      flags: { ...NO_FLAGS, gangrelaterat: 1, 'vald-i-nara-relation': 1 },
      sla: { ...NO_SLA, firstContactOnTime: 1, reachAttemptsMet: 1 },
    },
  ],
  total: { handledCases: 1, directContacts: 0, actions: 0, supportPersons: 1, linksReceived: 0 },
};

describe('statistics report (embedded service, real Redis)', () => {
  let service: RunningService;
  const clock = new SettableClock(new Date('2025-06-10T08:00:00Z'));
  const tokens: Record<string, Headers> = {};
  const http = () => request(service.app.getHttpServer());
  const report = (query: string, headers = tokens.analyst) => http().get(`/api/v1/statistics/report?${query}`).set(headers!);

  async function handover(handedOverAt: string, gender: string, crime: object): Promise<string> {
    const response = await http().post('/api/v1/handovers').set(tokens.police!).send(handoverBody({ handedOverAt, crime, person: { gender } }));
    expect(response.status).toBe(201);
    return response.body.caseId;
  }
  async function contact(caseId: string, headers: Headers, channel: string, outcome: string, at: string): Promise<void> {
    const response = await http().post(`/api/v1/cases/${caseId}/contacts`).set(headers).send({ channel, outcome, at });
    expect(response.status).toBe(201);
  }

  beforeAll(async () => {
    service = await startEmbeddedService({}, { clock });
    tokens.police = bearer(await tokenFor('police-1', 'city', ['police-integration']));
    tokens.analyst = bearer(await tokenFor('analyst-1', 'city', ['analyst']));
    tokens.coordinator = bearer(await tokenFor('coord-v', 'boj-vasterort', ['coordinator']));
    tokens.stodcentrum = bearer(await tokenFor('coord-sc', 'stodcentrum', ['coordinator']));
    tokens.volunteer = bearer(await tokenFor('anna-v', 'boj-vasterort', ['volunteer']));

    // Västerort: received 23:30 on 31 March in Stockholm (Q1), reached by phone on 1 April.
    const a = await handover('2024-03-31T23:30:00+02:00', 'female', { category: 'misshandel', flags: ['vald-i-nara-relation', 'gangrelaterat'] });
    await contact(a, tokens.coordinator!, 'phone', 'reached', '2024-04-01T10:00:00+02:00');
    // 22:30 UTC on 31 March is 1 April in Stockholm (Q2); one unanswered call: the reach rule breaks.
    const b = await handover('2024-03-31T22:30:00Z', 'male', { category: 'bedrageri', flags: [] });
    await contact(b, tokens.coordinator!, 'phone', 'no-answer', '2024-04-01T12:00:00+02:00');
    // Stödcentrum: a call that reached (an action there), a meeting (a direct contact), a link to the jour (an action).
    const registered = await http().post('/api/v1/cases').set(tokens.stodcentrum!).send({
      source: 'self-referral',
      receivedAt: '2024-04-02T10:00:00+02:00',
      crime: { category: 'ofredande' },
      person: { role: 'victim', gender: 'other', genderLabel: 'GF', givenName: 'Fiktiv', familyName: 'Statistiksson', personalIdentityNumber: syntheticPersonnummer('2002-05-05', { form: 12 }) },
    });
    expect(registered.status).toBe(201);
    const c = registered.body.caseId;
    await contact(c, tokens.stodcentrum!, 'phone', 'reached', '2024-04-02T12:00:00+02:00');
    await contact(c, tokens.stodcentrum!, 'meeting', 'reached', '2024-04-03T09:00:00+02:00');
    const linked = await http().post(`/api/v1/cases/${c}/links`).set(tokens.stodcentrum!)
      .send({ to: 'boj-vasterort', consent: true, at: '2024-04-03T10:00:00+02:00' });
    expect(linked.status).toBeLessThan(300);
    // Volunteers of Västerort: one active until 31 March, one from 15 April.
    const first = await http().post('/api/v1/orgs/boj-vasterort/volunteers').set(tokens.coordinator!)
      .send({ displayName: 'Fiktiv Stödperson', gender: 'female', activeFrom: '2024-01-01' });
    expect(first.status).toBe(201);
    const ended = await http().post(`/api/v1/orgs/boj-vasterort/volunteers/${first.body.volunteerId}/deactivation`)
      .set(tokens.coordinator!).send({ activeUntil: '2024-03-31' });
    expect(ended.status).toBeLessThan(300);
    const second = await http().post('/api/v1/orgs/boj-vasterort/volunteers').set(tokens.coordinator!)
      .send({ displayName: 'Fiktiv Stödperson Två', gender: 'male', activeFrom: '2024-04-15' });
    expect(second.status).toBe(201);

    // Surveys: answered after closing with support-given, typed in by the org's coordinator with "at".
    const surveyOf = async (caseId: string, headers: Headers, at: string) => {
      const closed = await http().post(`/api/v1/cases/${caseId}/closure`).set(headers).send({ reason: 'support-given', at });
      expect(closed.status).toBe(200);
      return `/api/v1/surveys/${(closed.body.survey.link as string).slice('/survey/'.length)}`;
    };
    const answer = async (path: string, headers: Headers, body: object) => expect((await http().post(path).set(headers).send(body)).status).toBe(201);
    await answer(await surveyOf(a, tokens.coordinator!, '2024-04-05T10:00:00+02:00'), tokens.coordinator!,
      { scores: { bemotande: 5, information: 4, hjalp: 4, rekommendera: 4 }, comment: 'Fiktiv kommentar', at: '2024-04-06T10:00:00+02:00' });
    await answer(await surveyOf(c, tokens.stodcentrum!, '2024-04-04T10:00:00+02:00'), tokens.stodcentrum!,
      { scores: { bemotande: 4 }, at: '2024-04-05T10:00:00+02:00' });
    // Closed in Q2 after their breaches fell due, so no figure but the satisfaction changes.
    await answer(await surveyOf(linked.body.linkedTo.caseId, tokens.coordinator!, '2024-04-20T10:00:00+02:00'), tokens.coordinator!,
      { scores: { hjalp: 3 }, at: '2024-04-21T10:00:00+02:00' });
    // 22:30 UTC on 30 June is 1 July in Stockholm: the answer counts in Q3.
    await answer(await surveyOf(b, tokens.coordinator!, '2024-06-20T10:00:00+02:00'), tokens.coordinator!,
      { scores: { hjalp: 1, bemotande: 1 }, at: '2024-06-30T22:30:00Z' });
  });
  afterAll(() => service.stop());

  /** The report once the projection and the deadline timers (past due here) have caught up. */
  async function settled(query: string, expected: object): Promise<Report> {
    let last: unknown;
    try {
      return await eventually(async () => {
        const response = await report(query);
        last = response.body;
        return JSON.stringify(response.body) === JSON.stringify(expected) ? (response.body as Report) : undefined;
      }, 30_000, 200);
    } catch {
      expect(last).toEqual(expected);
      throw new Error('unreachable');
    }
  }

  it('answers every number of the second quarter (partnership year starts 1 April) by the counting rules', async () => {
    await settled('from=2024-04-01&to=2024-06-30', SECOND_QUARTER);
  });

  it('counts the case received 23:30 on 31 March (Stockholm) in the first quarter, with the volunteer active then', async () => {
    await settled('from=2024-01-01&to=2024-03-31', FIRST_QUARTER);
  });

  it('sums disjoint periods to the report over their union for every additive figure (seeded)', async () => {
    await settled('from=2024-04-01&to=2024-06-30', SECOND_QUARTER);
    const additive = (r: Report): Record<string, number> => ({ ...r.total, supportPersons: 0 });
    const days = 120; // 2024-03-01 .. 2024-06-28
    const day = (n: number) => new Date(Date.UTC(2024, 2, 1 + n)).toISOString().slice(0, 10);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: days - 1 }), async (cut) => {
        const [left, right, union] = await Promise.all([
          report(`from=${day(0)}&to=${day(cut - 1)}`), report(`from=${day(cut)}&to=${day(days - 1)}`), report(`from=${day(0)}&to=${day(days - 1)}`),
        ]);
        const sum = Object.fromEntries(Object.entries(additive(left.body)).map(([k, v]) => [k, v + additive(right.body)[k]]));
        expect(sum).toEqual(additive(union.body));
        left.body.parties.forEach((party: { sla: Record<string, number> }, i: number) => {
          for (const [k, v] of Object.entries(party.sla)) expect(v + right.body.parties[i].sla[k]).toBe(union.body.parties[i].sla[k]);
        });
      }),
      { seed: 42, numRuns: 8 },
    );
  });

  it('counts a survey answer on the Stockholm day it was answered, and compares Q3 with Q2', async () => {
    await settled('from=2024-04-01&to=2024-06-30', SECOND_QUARTER);
    const third = await report('from=2024-07-01&to=2024-09-30');
    expect(third.body.previousPeriod).toEqual({ from: '2024-04-01', to: '2024-06-30' });
    const vasterort = third.body.parties[3];
    expect(vasterort.satisfaction).toEqual({ responses: 1, average: 1, byQuestion: { bemotande: 1, information: null, hjalp: 1, rekommendera: null } });
    expect(vasterort.previous).toEqual({ handledCases: 2, directContacts: 1, actions: 1, supportPersons: 1, linksReceived: 1 });
  });

  it('compares a partnership year with the one before even with 29 February in it, a month with the month before', async () => {
    expect((await report('from=2023-04-01&to=2024-03-31')).body.previousPeriod).toEqual({ from: '2022-04-01', to: '2023-03-31' });
    const april = await report('from=2024-04-01&to=2024-04-30');
    expect(april.body.previousPeriod).toEqual({ from: '2024-03-01', to: '2024-03-31' });
    expect(april.body.parties[3].previous).toMatchObject({ handledCases: 1, supportPersons: 1 });
    expect((await report('from=2024-04-02&to=2024-04-02')).body.previousPeriod).toEqual({ from: '2024-04-01', to: '2024-04-01' });
  });

  it('answers CSV: a header row, one row per party and a total row', async () => {
    await settled('from=2024-04-01&to=2024-06-30', SECOND_QUARTER);
    const csv = await report('from=2024-04-01&to=2024-06-30&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const lines = csv.text.trimEnd().split('\r\n').map((line) => line.split(','));
    const header = lines[0]!;
    expect(lines.slice(1).map((line) => line[0])).toEqual(['stodcentrum', 'boj-stockholm-gotland', 'boj-sodra-stockholm', 'boj-vasterort', 'total']);
    const cell = (row: number, column: string) => lines[row]![header.indexOf(column)];
    expect([cell(4, 'handledCases'), cell(4, 'handledCases.M'), cell(4, 'handledCases.GF'), cell(4, 'linksReceived')]).toEqual(['2', '1', '1', '1']);
    expect([cell(5, 'handledCases'), cell(5, 'directContacts'), cell(5, 'actions'), cell(5, 'supportPersons'), cell(5, 'sla.reachAttemptsBreached')])
      .toEqual(['3', '2', '3', '1', '2']);
    expect([cell(4, 'satisfaction.responses'), cell(4, 'satisfaction.average'), cell(4, 'satisfaction.hjalp'), cell(4, 'satisfaction.information')])
      .toEqual(['2', '4', '3.5', '4']);
    expect([cell(1, 'satisfaction.average'), cell(2, 'satisfaction.average'), cell(2, 'satisfaction.responses')]).toEqual(['4', '', '0']);
    expect([cell(4, 'previous_handledCases'), cell(4, 'previous_supportPersons'), cell(5, 'previous_handledCases'), cell(5, 'satisfaction.responses')])
      .toEqual(['1', '1', '1', '3']);
  });

  it('answers a printable HTML page with the change against the previous period', async () => {
    const html = await report('from=2024-04-01&to=2024-06-30&format=html');
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(html.text).toContain('Brottsofferjouren Västerort');
    expect(html.text).toContain('Föregående period');
    expect(html.text).toContain('+100 %'); // Västerort handled 2 against 1 in Jan-Mar 2024 (the quarter before)
    expect(html.text).toContain('Jämförelse med föregående period 2024-01-01 – 2024-03-31.');
    expect(html.text).toContain('Nöjdhet (1–5, 2 svar)');
    // The same words as the web app: categories, gender keys and names, not the API's codes; a dash for Stödcentrum's support persons.
    expect(html.text).toContain('<td>Bedrägeri</td><td>1</td><td>50 %</td>');
    expect(html.text).toContain('<th scope="row">Män</th>');
    expect(html.text).toContain('<th scope="row">GF</th>');
    expect(html.text).not.toMatch(/<td>(bedrageri|ofredande)<\/td>/);
    expect(html.text).toContain('<th>Direkta kontakter</th><th>Åtgärder</th><th>Stödpersoner</th>');
    expect(html.text).toMatch(/<h2>Stödcentrum för unga brottsutsatta<\/h2>\n<table><thead>.*<\/thead><tbody>\n<tr><th scope="row">Totalt<\/th><td>1<\/td><td>1<\/td><td>2<\/td><td>–<\/td>/);
    expect(html.text).not.toMatch(/<script/i);
  });

  it('lets a coordinator read the report of all four parties', async () => {
    const response = await report('from=2024-04-01&to=2024-06-30', tokens.coordinator);
    expect(response.status).toBe(200);
    expect(response.body.parties).toHaveLength(4);
  });

  it('refuses missing, invalid and reversed dates and unknown formats with 400 and details', async () => {
    const missing = await report('to=2024-06-30');
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([expect.objectContaining({ path: 'from' })]);
    const invalid = await report('from=2024-02-30&to=2024-06-30');
    expect(invalid.status).toBe(400);
    expect(invalid.body.details).toEqual([expect.objectContaining({ path: 'from' })]);
    const reversed = await report('from=2024-06-30&to=2024-04-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body).toMatchObject({ error: 'validation-failed', details: [{ path: 'to', message: 'must not be before from' }] });
    expect((await report('from=2024-04-01&to=2024-06-30&format=xml')).status).toBe(400);
  });

  it('answers 401 without a token and 403 to a volunteer and to the Police', async () => {
    expect((await http().get('/api/v1/statistics/report?from=2024-04-01&to=2024-06-30')).status).toBe(401);
    expect((await report('from=2024-04-01&to=2024-06-30', tokens.volunteer)).status).toBe(403);
    expect((await report('from=2024-04-01&to=2024-06-30', tokens.police)).status).toBe(403);
  });
});
