import { sqlBackends } from '../../../test/support/databases';
import type { CaseListFilter } from '../src';
import { openReadModels, type ReadModelFixture } from './support/read-model-fixture';
import { NOW, assign, handoverOf, registerVolunteer } from './support/scenario';

// Received at these instants, first contact is due 3 Stockholm days later, same wall-clock time.
// Judged at NOW (2025-06-10T10:00Z), most urgent first (contract v1.1): open cases by their next
// pending deadline, soonest first; then triage; then closed cases, newest closing first.
//   c-breached  vasterort    first contact due 06-08 10:00Z  breached (recorded by the check at NOW)
//   c-at-risk   vasterort    first contact due 06-10 12:00Z  at-risk (2 h left)
//   c-ok        sodra        first contact due 06-12 10:00Z  ok (48 h left)
//   c-contacted vasterort    reach attempts due 06-20 10:00Z ok (a call was made in time, nobody reached)
//   c-triage    triage       no deadline                     ok
//   c-closed    stodcentrum  closed 06-05                    ok
describe.each(sqlBackends)('CaseQueries.listCases on %s', (_name, open) => {
  let fx: ReadModelFixture;
  const list = async (filter: Partial<CaseListFilter> = {}) =>
    (await fx.queries.listCases({ orgs: 'all', limit: 100, now: new Date(NOW), ...filter })).items.map((c) => c.caseId);

  beforeAll(async () => {
    fx = await openReadModels(open);
    const { writer } = fx;
    await writer.case(handoverOf('c-breached', '2025-06-05T10:00:00.000Z', 'vasterort'));
    await writer.case(handoverOf('c-at-risk', '2025-06-07T12:00:00.000Z', 'vasterort'));
    await writer.case(handoverOf('c-ok', '2025-06-09T10:00:00.000Z', 'sodra'));
    await writer.case(handoverOf('c-contacted', '2025-06-06T10:00:00.000Z', 'vasterort'));
    await writer.case({ type: 'RecordContact', caseId: 'c-contacted', channel: 'phone', outcome: 'no-answer', at: '2025-06-06T12:00:00.000Z', now: NOW });
    await writer.case(handoverOf('c-closed', '2025-06-04T10:00:00.000Z', 'stodcentrum'));
    await writer.case({ type: 'CloseCase', caseId: 'c-closed', reason: 'support-given', at: '2025-06-05T09:00:00.000Z', now: NOW });
    await writer.case(handoverOf('c-triage', '2025-06-08T10:00:00.000Z', 'triage'));
    await writer.volunteer(registerVolunteer('vol-1', 'boj-vasterort'));
    await writer.volunteer(registerVolunteer('vol-2', 'boj-vasterort'));
    await writer.case(assign('c-breached', 'vol-1'));
    await writer.case(assign('c-at-risk', 'vol-2'));
    // The deadline timers that have fired by NOW: only c-breached's first contact is recorded missed.
    for (const caseId of ['c-breached', 'c-at-risk', 'c-ok', 'c-contacted', 'c-closed']) {
      await writer.checkDeadlines(caseId, NOW);
    }
    await fx.caughtUp();
  });
  afterAll(() => fx.dispose());

  it('answers every case most urgent first, as list items', async () => {
    const page = await fx.queries.listCases({ orgs: 'all', limit: 100, now: new Date(NOW) });
    expect(page.items.map((c) => c.caseId)).toEqual(['c-breached', 'c-at-risk', 'c-ok', 'c-contacted', 'c-triage', 'c-closed']);
    expect(page.nextCursor).toBeNull();
    expect(page.items[1]).toEqual({
      caseId: 'c-at-risk',
      org: 'boj-vasterort',
      status: 'open',
      source: 'handover',
      receivedAt: '2025-06-07T12:00:00.000Z',
      assigneeId: 'vol-2',
      slaState: 'at-risk',
      linkSuggested: false,
      firstContactDueAt: '2025-06-10T12:00:00.000Z',
    });
    expect(page.items[4]).toMatchObject({ caseId: 'c-triage', org: 'triage', status: 'triage', firstContactDueAt: null, slaState: 'ok' });
  });

  it('filters by status', async () => {
    expect(await list({ status: 'open' })).toEqual(['c-breached', 'c-at-risk', 'c-ok', 'c-contacted']);
    expect(await list({ status: 'closed' })).toEqual(['c-closed']);
    expect(await list({ status: 'triage' })).toEqual(['c-triage']);
  });

  it('filters by SLA state at the given instant: contacted, closed and triage cases are ok', async () => {
    expect(await list({ slaState: 'breached' })).toEqual(['c-breached']);
    expect(await list({ slaState: 'at-risk' })).toEqual(['c-at-risk']);
    expect(await list({ slaState: 'ok' })).toEqual(['c-ok', 'c-contacted', 'c-triage', 'c-closed']);
  });

  it('moves cases along as time passes, at risk from exactly 24 hours before the deadline', async () => {
    const later = new Date('2025-06-11T10:00:00.001Z'); // c-ok is due in 23:59:59.999
    expect(await list({ now: later, slaState: 'at-risk' })).toEqual(['c-at-risk', 'c-ok']);
    const exactlyADayBefore = new Date('2025-06-11T10:00:00.000Z');
    expect(await list({ now: exactlyADayBefore, slaState: 'at-risk' })).toEqual(['c-at-risk', 'c-ok']);
    const justOverADayBefore = new Date('2025-06-11T09:59:59.999Z');
    expect(await list({ now: justOverADayBefore, slaState: 'at-risk' })).toEqual(['c-at-risk']);
  });

  it('calls a case breached only once its breach is recorded; overdue before that is at-risk', async () => {
    const dueNow = new Date('2025-06-10T12:00:00.000Z');
    const later = new Date('2025-06-11T10:00:00.001Z');
    for (const now of [dueNow, later]) {
      expect(await list({ now, slaState: 'breached' })).toEqual(['c-breached']);
      expect(await list({ now, slaState: 'at-risk' })).toContain('c-at-risk');
    }
    // Judged before its due time, a recorded breach is still a breach: the record is the fact.
    expect(await list({ now: new Date('2025-06-01T00:00:00.000Z'), slaState: 'breached' })).toEqual(['c-breached']);
  });

  it('takes an at-risk window from the caller', async () => {
    expect(await list({ slaState: 'at-risk', atRiskHours: 72 })).toEqual(['c-at-risk', 'c-ok']);
    expect(await list({ slaState: 'at-risk', atRiskHours: 1 })).toEqual([]);
  });

  it('scopes to the caller’s orgs, or all of them for the city', async () => {
    expect(await list({ orgs: ['boj-vasterort'] })).toEqual(['c-breached', 'c-at-risk', 'c-contacted']);
    expect(await list({ orgs: ['stodcentrum', 'boj-sodra-stockholm'] })).toEqual(['c-ok', 'c-closed']);
    expect(await list({ orgs: ['triage'] })).toEqual(['c-triage']);
    expect(await list({ orgs: [] })).toEqual([]);
    expect(await list({ orgs: 'all' })).toHaveLength(6);
  });

  it('filters by assignee, with or without the unassigned cases', async () => {
    const vasterort = { orgs: ['boj-vasterort'] };
    expect(await list({ ...vasterort, assigneeIds: ['vol-1'] })).toEqual(['c-breached']);
    expect(await list({ ...vasterort, assigneeIds: ['vol-1'], includeUnassigned: true })).toEqual(['c-breached', 'c-contacted']);
    expect(await list({ ...vasterort, assigneeIds: ['vol-1', 'vol-2'], slaState: 'at-risk' })).toEqual(['c-at-risk']);
    expect(await list({ ...vasterort, assigneeIds: [] })).toEqual([]);
  });
});
