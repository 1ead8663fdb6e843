import { sqlBackends, type TestDatabase } from '../../../test/support/databases';
import { SlaChangeLog, type SlaChange } from '../src';

const change = (caseId: string, org = 'boj-vasterort'): SlaChange => ({
  caseId, org, slaState: 'breached', change: 'first-contact-missed', dueAt: '2025-06-05T08:00:00.000Z', at: '2025-06-05T08:00:00.000Z',
});
const at = (iso: string) => new Date(iso);

describe.each(sqlBackends)('the log of announced deadline changes on %s', (_name, open) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await open();
  });
  afterEach(() => db.dispose());

  it('answers the changes after an id, in order, scoped by org; an announcement repeated keeps its id', async () => {
    const log = new SlaChangeLog(db.client);
    const a = await log.append(change('a'), 'k-a', at('2025-06-05T08:00:00Z'));
    const b = await log.append(change('b', 'stodcentrum'), 'k-b', at('2025-06-05T08:00:01Z'));
    const c = await log.append(change('c'), 'k-c', at('2025-06-05T08:00:02Z'));
    expect(await log.append(change('c'), 'k-c', at('2025-06-05T08:05:00Z'))).toBe(c);
    expect(BigInt(a) < BigInt(b) && BigInt(b) < BigInt(c)).toBe(true);
    expect((await log.after(BigInt(a), 'all')).map((l) => l.change.caseId)).toEqual(['b', 'c']);
    expect((await log.after(0n, ['boj-vasterort'])).map((l) => [l.id, l.change])).toEqual([[a, change('a')], [c, change('c')]]);
    expect((await log.after(0n, 'all', 1)).map((l) => l.id)).toEqual([a]);
  });

  it('keeps a change for the replay window (48 h by default, the contract asks for 24 h) and purges it after', async () => {
    const log = new SlaChangeLog(db.client);
    await log.append(change('old'), 'k-old', at('2025-06-01T10:00:00Z'));
    await log.append(change('recent'), 'k-recent', at('2025-06-02T10:00:00Z'));
    expect(await log.purge(at('2025-06-03T09:59:59Z'))).toBe(0);
    expect(await log.purge(at('2025-06-03T10:00:01Z'))).toBe(1);
    expect((await log.after(0n, 'all')).map((l) => l.change.caseId)).toEqual(['recent']);
  });

  it('ids taken by concurrent writers are visible in order: no reader skips one that commits late', async () => {
    const log = new SlaChangeLog(db.client);
    await Promise.all(Array.from({ length: 20 }, (_, i) => log.append(change(`p-${i}`), `k-${i}`, at('2025-06-05T08:00:00Z'))));
    const ids = (await log.after(0n, 'all')).map((l) => BigInt(l.id));
    expect(ids).toHaveLength(20);
    expect([...ids].sort((x, y) => (x < y ? -1 : 1))).toEqual(ids);
  });
});
