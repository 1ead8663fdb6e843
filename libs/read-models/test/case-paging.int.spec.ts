import { sqlBackends } from '../../../test/support/databases';
import { InvalidCursorError, type CaseListFilter } from '../src';
import { openReadModels, type ReadModelFixture } from './support/read-model-fixture';
import { NOW, handoverOf, type Placement } from './support/scenario';

const CASES = 25;
describe.each(sqlBackends)('CaseQueries.listCases paging on %s', (_name, open) => {
  let fx: ReadModelFixture;
  const base: CaseListFilter = { orgs: 'all', limit: 500, now: new Date(NOW) };

  async function walk(filter: Partial<CaseListFilter>): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | null = filter.cursor ?? null;
    let pages = 0;
    do {
      const page = await fx.queries.listCases({ ...base, ...filter, cursor });
      ids.push(...page.items.map((c) => c.caseId));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 100);
    return { ids, pages };
  }

  beforeAll(async () => {
    fx = await openReadModels(open);
    // Ids added out of order; four receipt instants, so many cases share a deadline; some in triage.
    for (let i = 0; i < CASES; i += 1) {
      const id = `p-${String((i * 7) % CASES).padStart(2, '0')}`;
      const placement: Placement = i % 5 === 0 ? 'triage' : i % 2 === 0 ? 'vasterort' : 'sodra';
      await fx.writer.case(handoverOf(id, `2025-06-0${5 + (i % 4)}T10:00:00.000Z`, placement));
      await fx.writer.checkDeadlines(id, NOW); // first contact due 06-08 or 06-09: recorded missed
    }
    await fx.caughtUp();
  });
  afterAll(() => fx.dispose());

  it('pages through every case in worklist order, without duplicates or gaps', async () => {
    const all = (await fx.queries.listCases(base)).items;
    expect(all).toHaveLength(CASES);
    // Open cases (nobody contacted) by first-contact deadline, soonest first, ties by id; then triage.
    const open = all.filter((c) => c.status === 'open');
    expect(open.map((c) => `${c.firstContactDueAt} ${c.caseId}`)).toEqual(open.map((c) => `${c.firstContactDueAt} ${c.caseId}`).sort());
    expect(all.slice(open.length).map((c) => c.status)).toEqual(Array(5).fill('triage'));

    for (const limit of [1, 4, 5, 24, 25]) {
      const { ids, pages } = await walk({ limit });
      expect(ids).toEqual(all.map((c) => c.caseId));
      expect(pages).toBe(Math.ceil(CASES / limit));
    }
  });

  it('pages through a list filtered by SLA state (recorded breaches, filtered in SQL)', async () => {
    const breached = (await fx.queries.listCases({ ...base, slaState: 'breached' })).items.map((c) => c.caseId);
    expect(breached.length).toBeGreaterThan(4);
    expect((await walk({ slaState: 'breached', limit: 2 })).ids).toEqual(breached);
    const vasterort = (await fx.queries.listCases({ ...base, orgs: ['boj-vasterort'] })).items.map((c) => c.caseId);
    expect((await walk({ orgs: ['boj-vasterort'], limit: 3 })).ids).toEqual(vasterort);
  });

  it('keeps its place when cases arrive between pages', async () => {
    const first = await fx.queries.listCases({ ...base, limit: 6 });
    await fx.writer.case(handoverOf('p-new-early', '2025-06-04T10:00:00.000Z', 'vasterort')); // sorts before the cursor
    await fx.writer.case(handoverOf('p-new-late', '2025-06-09T10:00:00.000Z', 'sodra')); // sorts after it
    await fx.caughtUp();
    const rest = await walk({ cursor: first.nextCursor });
    const seen = [...first.items.map((c) => c.caseId), ...rest.ids];
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain('p-new-late');
    expect(seen).not.toContain('p-new-early');
  });

  it('refuses a cursor it did not hand out', async () => {
    const encode = (value: string) => Buffer.from(value, 'utf8').toString('base64url');
    const bad = ['not a cursor!', encode('not json'), encode('[]'), encode('{"g":1,"a":1,"c":"p-01"}'), encode('{"g":1,"a":"yesterday","c":"p-01"}'), encode('{"g":1,"a":null}')];
    for (const cursor of bad) {
      await expect(fx.queries.listCases({ ...base, cursor })).rejects.toBeInstanceOf(InvalidCursorError);
    }
    await expect(fx.queries.listCases({ ...base, cursor: 'x' })).rejects.toMatchObject({ code: 'invalid-cursor' });
  });
});
