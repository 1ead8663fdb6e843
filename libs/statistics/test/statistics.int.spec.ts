import fc from 'fast-check';
import { defaultSlaPolicy, shiftDate, type Gender, type OrgId, type RecordContact } from '@referral/case';
import { sqlBackends } from '../../../test/support/databases';
import { adultPerson, receiveHandover, registerCase } from '../../case/testing/case-fixtures';
import { PostgresEventStore, type RecordedEvent } from '@referral/event-store';
import type { TableNames } from '@referral/projections';
import { daysInPeriod, SPLIT_FIGURES, statisticsProjection, type StatisticsReport } from '../src';
import { openStatistics, type StatisticsFixture } from './support/statistics-fixture';

const NOW = '2025-06-10T10:00:00.000Z';

const register = (caseId: string, org: OrgId, receivedAt: string, gender: Gender, category: string, flags: string[] = [], genderLabel?: string) =>
  registerCase({
    caseId, org, receivedAt, now: NOW,
    crime: { category, flags } as never,
    person: { ...adultPerson, gender, ...(genderLabel ? { genderLabel } : {}) },
  });

const contact = (caseId: string, at: string, channel: RecordContact['channel'], outcome: RecordContact['outcome']): RecordContact => ({
  type: 'RecordContact', caseId, channel, outcome, at, now: NOW,
});

const split = (total: number, byGender: Record<string, number> = {}) => ({ total, byGender });
const NO_FLAGS = { gangrelaterat: 0, 'vald-i-nara-relation': 0, hedersrelaterat: 0 };
const NO_SLA = { firstContactOnTime: 0, firstContactLate: 0, firstContactOpen: 0, reachAttemptsMet: 0, reachAttemptsBreached: 0 };
const emptyParty = (org: string) => ({
  org, handledCases: split(0), directContacts: split(0), actions: split(0), supportPersons: split(0), linksReceived: split(0),
  crimeTypes: [], flags: NO_FLAGS, sla: NO_SLA, trainings: { basic: 0, further: 0 }, satisfaction: NO_SATISFACTION,
});
const NO_SATISFACTION = { responses: 0, average: null, byQuestion: { bemotande: null, information: null, hjalp: null, rekommendera: null } };
/** The previous period's figures are the same queries over other days; report-formats.unit and statistics.e2e check them. */
const withoutPrevious = ({ previousPeriod: _period, ...report }: StatisticsReport) => ({
  ...report, parties: report.parties.map(({ previous: _previous, ...party }) => party),
});

describe.each(sqlBackends)('statistics projection on %s', (_name, open) => {
  let fx: StatisticsFixture;
  beforeAll(async () => {
    fx = await openStatistics(open);
    const w = fx.writer;
    // Received 23:30 on 31 March in Stockholm: the partnership year 2024/25.
    await w.case(register('c1', 'boj-vasterort', '2025-03-31T23:30:00+02:00', 'female', 'misshandel', ['vald-i-nara-relation', 'gangrelaterat']));
    await w.case(contact('c1', '2025-04-01T10:00:00+02:00', 'phone', 'reached'));
    await w.case(contact('c1', '2025-04-02T10:00:00+02:00', 'other-actor', 'reached'));
    // 22:30 UTC on 31 March is 00:30 on 1 April in Stockholm.
    await w.case(register('c2', 'boj-vasterort', '2025-03-31T22:30:00Z', 'male', 'bedrageri'));
    await w.case(contact('c2', '2025-04-01T09:00:00Z', 'phone', 'no-answer'));
    await w.checkDeadlines('c2', '2025-05-01T00:00:00Z');
    // Stödcentrum: a call that reached (an action there), a meeting, and a link to the jour.
    await w.case(register('c3', 'stodcentrum', '2025-04-02T10:00:00Z', 'other', 'ofredande', [], 'GF'));
    await w.case(contact('c3', '2025-04-02T12:00:00Z', 'phone', 'reached'));
    await w.case(contact('c3', '2025-04-03T08:00:00Z', 'meeting', 'reached'));
    await w.case({ type: 'LinkToOtherParty', caseId: 'c3', to: 'boj-vasterort', consent: true, linkedCaseId: 'c3-link', at: '2025-04-03T10:00:00Z', now: NOW });
    // Triage, resolved to Södra: counted there on the day received; no contact in time.
    await w.case(receiveHandover(
      { handoverId: 'ho-c4', handedOverAt: '2025-04-05T10:00:00Z', area: { municipality: 'Uppsala' } },
      { caseId: 'c4', now: NOW },
    ));
    await w.case({ type: 'ResolveTriage', caseId: 'c4', routeTo: 'boj-sodra-stockholm', at: '2025-04-06T10:00:00Z', sla: defaultSlaPolicy });
    await w.checkDeadlines('c4', '2025-05-01T00:00:00Z');
    await w.case(contact('c4', '2025-04-20T10:00:00Z', 'phone', 'no-answer'));
    // A breach retracted by a call typed in late.
    await w.case(register('c5', 'boj-sodra-stockholm', '2025-04-07T10:00:00Z', 'unknown', 'ran'));
    await w.checkDeadlines('c5', '2025-04-11T00:00:00Z');
    await w.case(contact('c5', '2025-04-09T12:00:00Z', 'phone', 'reached'));
    // Volunteers.
    const volunteer = (volunteerId: string, org: OrgId, gender: Gender, activeFrom: string) =>
      w.volunteer({ type: 'RegisterVolunteer', volunteerId, org, displayName: `Fiktiv ${volunteerId}`, gender, activeFrom, at: NOW });
    await volunteer('v1', 'boj-vasterort', 'female', '2025-01-01');
    await w.volunteer({ type: 'DeactivateVolunteer', volunteerId: 'v1', org: 'boj-vasterort', activeUntil: '2025-03-31', at: NOW });
    await volunteer('v2', 'boj-vasterort', 'male', '2025-04-01');
    await volunteer('v3', 'stodcentrum', 'female', '2025-01-01');
    // Training sessions count on the day they were held, in the org that held them, by kind.
    const session = (trainingId: string, org: OrgId, kind: 'basic' | 'further', on: string, participants: string[]) =>
      w.training({ type: 'RecordTraining', trainingId, org, kind, on, participants, volunteersOfOrg: new Set(participants), at: NOW });
    await session('t1', 'boj-vasterort', 'basic', '2025-04-10', ['v2']);
    await session('t2', 'boj-vasterort', 'further', '2025-03-31', ['v1']);
    await session('t3', 'boj-vasterort', 'further', '2025-04-30', ['v2']);
    await session('t4', 'stodcentrum', 'further', '2025-04-15', ['v3']);
    await fx.caughtUp();
  });
  afterAll(() => fx.dispose());

  it('answers April 2025 by the counting rules', async () => {
    const report = await fx.queries.report({ from: '2025-04-01', to: '2025-04-30' });
    expect(report.previousPeriod).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    expect(withoutPrevious(report)).toEqual({
      period: { from: '2025-04-01', to: '2025-04-30' },
      parties: [
        {
          ...emptyParty('stodcentrum'),
          handledCases: split(1, { GF: 1 }),
          directContacts: split(1, { GF: 1 }),
          actions: split(2, { GF: 2 }),
          crimeTypes: [{ category: 'ofredande', cases: 1, share: 1 }],
          sla: { ...NO_SLA, firstContactOnTime: 1, reachAttemptsMet: 1 },
          trainings: { basic: 0, further: 1 },
        },
        emptyParty('boj-stockholm-gotland'),
        {
          ...emptyParty('boj-sodra-stockholm'),
          handledCases: split(2, { K: 1, unknown: 1 }),
          directContacts: split(1, { unknown: 1 }),
          actions: split(1, { K: 1 }),
          crimeTypes: [{ category: 'misshandel', cases: 1, share: 0.5 }, { category: 'ran', cases: 1, share: 0.5 }],
          flags: { ...NO_FLAGS, 'vald-i-nara-relation': 1 },
          sla: { ...NO_SLA, firstContactOnTime: 1, firstContactLate: 1, reachAttemptsMet: 1, reachAttemptsBreached: 1 },
        },
        {
          ...emptyParty('boj-vasterort'),
          handledCases: split(2, { M: 1, GF: 1 }),
          directContacts: split(1, { K: 1 }),
          actions: split(2, { K: 1, M: 1 }),
          supportPersons: split(1, { M: 1 }),
          linksReceived: split(1, { GF: 1 }),
          crimeTypes: [{ category: 'bedrageri', cases: 1, share: 0.5 }, { category: 'ofredande', cases: 1, share: 0.5 }],
          sla: { ...NO_SLA, firstContactOnTime: 1, firstContactOpen: 1, reachAttemptsBreached: 1 },
          trainings: { basic: 1, further: 1 },
        },
      ],
      total: { handledCases: 5, directContacts: 3, actions: 5, supportPersons: 1, linksReceived: 1 },
    });
  });

  it('counts a case received 23:30 on 31 March (Stockholm) in March, with the volunteers active then', async () => {
    const report = withoutPrevious(await fx.queries.report({ from: '2025-03-31', to: '2025-03-31' }));
    expect(report.parties[3]).toEqual({
      ...emptyParty('boj-vasterort'),
      handledCases: split(1, { K: 1 }),
      supportPersons: split(1, { K: 1 }),
      crimeTypes: [{ category: 'misshandel', cases: 1, share: 1 }],
      flags: { ...NO_FLAGS, gangrelaterat: 1, 'vald-i-nara-relation': 1 },
      sla: { ...NO_SLA, firstContactOnTime: 1, reachAttemptsMet: 1 },
      trainings: { basic: 0, further: 1 },
    });
    expect(report.total).toEqual({ handledCases: 1, directContacts: 0, actions: 0, supportPersons: 1, linksReceived: 0 });
  });

  it('sums over disjoint periods to the report over their union, for every additive figure (seeded)', async () => {
    const additive = (report: StatisticsReport) => report.parties.map((party) => ({
      ...party, supportPersons: undefined, previous: undefined, satisfaction: { responses: party.satisfaction.responses },
      crimeTypes: party.crimeTypes.map(({ category, cases }) => ({ category, cases })),
    }));
    const from = '2025-03-25';
    const days = daysInPeriod(from, '2025-05-05');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: days - 2 }).chain((start) => fc.tuple(fc.constant(start), fc.integer({ min: start + 1, max: days - 1 }))), async ([start, cut]) => {
        const union = await fx.queries.report({ from: shiftDate(from, start), to: shiftDate(from, days - 1) });
        const left = await fx.queries.report({ from: shiftDate(from, start), to: shiftDate(from, cut - 1) });
        const right = await fx.queries.report({ from: shiftDate(from, cut), to: shiftDate(from, days - 1) });
        const sum = additive(left).map((party, i) => sumParties(party, additive(right)[i]!));
        expect(sum).toEqual(additive(union).map(normalise));
        for (const figure of SPLIT_FIGURES.filter((f) => f !== 'supportPersons')) {
          expect(left.total[figure] + right.total[figure]).toBe(union.total[figure]);
        }
      }),
      { seed: 42, numRuns: 30 },
    );
  });

  it('handleBatch leaves the tables exactly as handle on each event in turn does, however the events are batched', async () => {
    const store = await PostgresEventStore.create(fx.db.client);
    const events: RecordedEvent[] = [];
    for (let page; (page = await store.readAll({ after: events.at(-1)?.position ?? null, maxCount: 1000 })).length > 0; ) events.push(...page);
    const tablesOf = (prefix: string) =>
      Object.fromEntries(statisticsProjection.tables.map((t) => [t, `${prefix}_${t}`])) as TableNames<(typeof statisticsProjection.tables)[number]>;
    const dump = async (tables: TableNames) => {
      const rows = async (sql: string) => (await fx.db.client.query(sql)).rows;
      return {
        counts: await rows(`SELECT day::text, org, figure, key, n FROM ${tables.stats_counts} ORDER BY day, org, figure, key`),
        cases: await rows(`SELECT * FROM ${tables.stats_cases} ORDER BY case_id`),
        volunteers: await rows(`SELECT * FROM ${tables.stats_volunteers} ORDER BY volunteer_id`),
      };
    };
    const one = tablesOf('eq_one');
    await fx.db.client.transaction(async (tx) => {
      await statisticsProjection.setup(tx, one);
      for (const event of events) await statisticsProjection.handle(event, tx, one);
    });
    const expected = await dump(one);
    expect(expected.counts.length).toBeGreaterThan(0);
    for (const size of [2, 3, 7, events.length]) {
      const batched = tablesOf(`eq_b${size}`);
      await fx.db.client.transaction(async (tx) => {
        await statisticsProjection.setup(tx, batched);
        for (let i = 0; i < events.length; i += size) await statisticsProjection.handleBatch!(events.slice(i, i + size), tx, batched);
      });
      expect(await dump(batched)).toEqual(expected);
    }
  });

  it('keeps no personal data and answers no case ids', async () => {
    const columns = async (table: string) =>
      (await fx.db.client.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name`, [table],
      )).rows.map((row) => row.column_name);
    expect(await columns('stats_counts')).toEqual(['day', 'figure', 'key', 'n', 'org']);
    expect(await columns('stats_volunteers')).toEqual(['active_from', 'active_until', 'gender_key', 'org', 'volunteer_id']);
    const { rows } = await fx.db.client.query('SELECT * FROM stats_cases');
    expect(JSON.stringify(rows)).not.toMatch(/Testa|Testsson|070-000|example\.invalid|1990-05-17/);
    const report = JSON.stringify(await fx.queries.report({ from: '2025-01-01', to: '2025-12-31' }));
    expect(report).not.toMatch(/c1|c2|c3|c4|c5|v1|v2|v3/);
  });
});

type AdditiveParty = Record<string, unknown> & { crimeTypes: { category: string; cases: number }[] };

function normalise(party: AdditiveParty): AdditiveParty {
  return { ...party, crimeTypes: [...party.crimeTypes].sort((a, b) => (a.category < b.category ? -1 : 1)) };
}

/** Two parties' additive figures added up, key by key. */
function sumParties(a: AdditiveParty, b: AdditiveParty): AdditiveParty {
  const add = (x: unknown, y: unknown): unknown => {
    if (typeof x === 'number' || typeof y === 'number') return ((x as number) ?? 0) + ((y as number) ?? 0);
    if (x === undefined && y === undefined) return undefined;
    if (typeof x === 'string') return x;
    const keys = new Set([...Object.keys((x as object) ?? {}), ...Object.keys((y as object) ?? {})]);
    return Object.fromEntries([...keys].map((key) => [key, add((x as Record<string, unknown>)?.[key], (y as Record<string, unknown>)?.[key])]));
  };
  const categories = new Map<string, number>();
  for (const type of [...a.crimeTypes, ...b.crimeTypes]) categories.set(type.category, (categories.get(type.category) ?? 0) + type.cases);
  const { crimeTypes: _a, ...restA } = a;
  const { crimeTypes: _b, ...restB } = b;
  return normalise({ ...(add(restA, restB) as Record<string, unknown>), crimeTypes: [...categories].map(([category, cases]) => ({ category, cases })) } as AdditiveParty);
}
