import { defaultSlaPolicy } from '@referral/case';
import type { SqlClient } from '@referral/sql';
import type { SentContact, SentHandover } from './fault-load';
import { checkHistory } from './oracle';

const terms = defaultSlaPolicy.byOrg['boj-vasterort'];
const HANDED_OVER = '2026-12-01T10:00:00.000Z';
const FIRST_CONTACT_DUE = Date.parse('2026-12-04T10:00:00.000Z');
const RUN = { runFrom: Date.parse('2026-12-04T09:00:00.000Z'), until: Date.parse('2026-12-04T11:00:00.000Z') };

interface Row { stream_id: string; revision: string; type: string; data: Record<string, unknown>; recorded_at: Date }

/** A store that answers the oracle's one query with these rows, as PostgreSQL would. */
const storeOf = (rows: Row[]): SqlClient => ({ query: async () => ({ rows, rowCount: rows.length }) }) as unknown as SqlClient;

function caseEvents(caseId: string, types: Array<[string, Record<string, unknown>]>, recordedAt = new Date(FIRST_CONTACT_DUE + 2_000)): Row[] {
  return types.map(([type, data], revision) => ({ stream_id: `case-${caseId}`, revision: String(revision), type, data: { caseId, ...data }, recorded_at: recordedAt }));
}
const received = (handoverId: string) => ['CaseReceived', { handoverId, status: 'open', sla: terms, at: HANDED_OVER }] as [string, Record<string, unknown>];
const missed = (rule: 'FirstContactDeadlineMissed') => [rule, { dueAt: new Date(FIRST_CONTACT_DUE).toISOString() }] as [string, Record<string, unknown>];
const call = (at: number) => ['ContactRecorded', { at: new Date(at).toISOString(), towardsPerson: true, channel: 'phone', reached: false, inEveningWindow: false }] as [string, Record<string, unknown>];
const sentHandover = (id: string, caseId: string): SentHandover => ({
  handoverId: id, handedOverAt: HANDED_OVER, dueAt: FIRST_CONTACT_DUE, plan: 'none', caseId, org: 'boj-vasterort', outcome: { status: 201, body: { caseId }, tries: 1, trail: [201], elapsedMs: 1 },
});
const sentCall = (caseId: string, at: number, status = 201): SentContact => ({ key: `k-${caseId}-${at}`, caseId, at: new Date(at).toISOString(), doubled: false, outcomes: [{ status, body: {}, tries: 1, trail: [status], elapsedMs: 1 }] });
const checksOf = async (rows: Row[], handovers: SentHandover[], contacts: SentContact[] = []) =>
  (await checkHistory(storeOf(rows), { handovers, contacts }, RUN)).findings.map((f) => `${f.check} ${f.id}`);

describe('the fault suite oracle', () => {
  it('given a history that matches what was sent, finds nothing and measures the lateness', async () => {
    const rows = [...caseEvents('c1', [received('h1'), missed('FirstContactDeadlineMissed')]), ...caseEvents('c2', [received('h2'), call(FIRST_CONTACT_DUE - 60_000)])];
    const result = await checkHistory(storeOf(rows), { handovers: [sentHandover('h1', 'c1'), sentHandover('h2', 'c2')], contacts: [sentCall('c2', FIRST_CONTACT_DUE - 60_000)] }, RUN);
    expect(result.findings).toEqual([]);
    expect(result.figures).toMatchObject({ cases: 2, deadlinesPassed: 2, breaches: 1, lateness: { p50: 2_000, max: 2_000 } });
  });

  it('finds an answered handover that is two cases, or none', async () => {
    const rows = [...caseEvents('c1', [received('h1'), missed('FirstContactDeadlineMissed')]), ...caseEvents('c9', [received('h1'), missed('FirstContactDeadlineMissed')])];
    expect(await checksOf(rows, [sentHandover('h1', 'c1'), sentHandover('h2', 'c2')])).toEqual(['handover-doubled h1', 'handover-lost h2']);
  });

  it('finds a call of one Idempotency-Key recorded twice, and one answered 201 but missing', async () => {
    const at = FIRST_CONTACT_DUE - 60_000;
    const rows = [...caseEvents('c1', [received('h1'), call(at), call(at)]), ...caseEvents('c2', [received('h2'), missed('FirstContactDeadlineMissed')])];
    expect(await checksOf(rows, [sentHandover('h1', 'c1'), sentHandover('h2', 'c2')], [sentCall('c1', at), sentCall('c2', at)]))
      .toEqual(['idempotency-doubled c1', 'contact-lost c2']);
  });

  it('finds a deadline that passed unmet without a breach, a breach twice, and a met one left breached', async () => {
    const inTime = FIRST_CONTACT_DUE - 60_000;
    const rows = [
      ...caseEvents('c1', [received('h1')]),
      ...caseEvents('c2', [received('h2'), missed('FirstContactDeadlineMissed'), missed('FirstContactDeadlineMissed')]),
      ...caseEvents('c3', [received('h3'), missed('FirstContactDeadlineMissed'), call(inTime)]),
    ];
    expect(await checksOf(rows, [sentHandover('h1', 'c1'), sentHandover('h2', 'c2'), sentHandover('h3', 'c3')], [sentCall('c3', inTime)]))
      .toEqual(['breach-count c1', 'breach-count c2', 'breach-of-met c3']);
  });

  it('finds a gap in a stream\'s revisions, and a call nobody sent', async () => {
    const rows = caseEvents('c1', [received('h1'), missed('FirstContactDeadlineMissed'), call(FIRST_CONTACT_DUE + 60_000)]);
    rows[2]!.revision = '3';
    expect(await checksOf(rows, [sentHandover('h1', 'c1')])).toEqual(['stream-revisions case-c1', 'contact-unknown c1']);
  });

  it('takes 503 read-model-behind as saved (it must be in the history), and any other final 5xx as unanswered', async () => {
    const at = FIRST_CONTACT_DUE - 60_000;
    const rows = [...caseEvents('c1', [received('h1'), call(at)]), ...caseEvents('c2', [received('h2'), missed('FirstContactDeadlineMissed')])];
    const behind = { ...sentCall('c1', at), outcomes: [{ status: 503, body: { error: 'read-model-behind' }, tries: 2, trail: [null, 503], elapsedMs: 1 }] };
    const failed = { ...sentCall('c2', at), outcomes: [{ status: 500, body: { error: 'internal' }, tries: 9, trail: [500], elapsedMs: 1 }] };
    expect(await checksOf(rows, [sentHandover('h1', 'c1'), sentHandover('h2', 'c2')], [behind, failed])).toEqual(['contact-unanswered c2']);
  });
});
