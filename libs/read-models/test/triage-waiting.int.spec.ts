import { defaultSlaPolicy } from '@referral/case';
import { sqlBackends } from '../../../test/support/databases';
import { openReadModels, type ReadModelFixture } from './support/read-model-fixture';
import { NOW, handoverOf } from './support/scenario';

// NOW is 2025-06-10T10:00Z; the city's line is 24 hours after receipt (sla.v1).
describe.each(sqlBackends)('triage cases waiting past the city line on %s', (_name, open) => {
  let fx: ReadModelFixture;
  const now = new Date(NOW);

  beforeAll(async () => {
    fx = await openReadModels(open);
    const { writer } = fx;
    await writer.case(handoverOf('t-old', '2025-06-08T09:00:00.000Z', 'triage')); // line 06-09T09:00
    await writer.case(handoverOf('t-past', '2025-06-09T09:59:59.999Z', 'triage')); // line 1 ms before NOW
    await writer.case(handoverOf('t-at-line', '2025-06-09T10:00:00.000Z', 'triage')); // line exactly NOW: not past it
    await writer.case(handoverOf('t-fresh', '2025-06-10T09:00:00.000Z', 'triage'));
    await writer.case(handoverOf('t-resolved', '2025-06-07T10:00:00.000Z', 'triage'));
    await writer.case({ type: 'ResolveTriage', caseId: 't-resolved', routeTo: 'boj-vasterort', at: '2025-06-08T09:00:00.000Z', sla: defaultSlaPolicy });
    await writer.case(handoverOf('t-closed', '2025-06-07T10:00:00.000Z', 'triage'));
    await writer.case({ type: 'CloseCase', caseId: 't-closed', reason: 'duplicate', at: '2025-06-07T12:00:00.000Z', now: NOW });
    await writer.case(handoverOf('t-open', '2025-06-09T10:00:00.000Z', 'vasterort')); // first contact due 06-12: at risk within 72 h
    await fx.caughtUp();
  });
  afterAll(() => fx.dispose());

  it('lists, for the city, the triage cases past their line first, oldest receipt first, with rule triage', async () => {
    expect(await fx.queries.atRisk({ orgs: 'all', now, withinHours: 72, includeTriage: true })).toEqual([
      { caseId: 't-old', org: 'triage', rule: 'triage', receivedAt: '2025-06-08T09:00:00.000Z', alertAt: '2025-06-09T09:00:00.000Z' },
      { caseId: 't-past', org: 'triage', rule: 'triage', receivedAt: '2025-06-09T09:59:59.999Z', alertAt: '2025-06-10T09:59:59.999Z' },
      { caseId: 't-resolved', org: 'boj-vasterort', rule: 'first-contact', firstContactDueAt: '2025-06-11T09:00:00.000Z' },
      { caseId: 't-open', org: 'boj-vasterort', rule: 'first-contact', firstContactDueAt: '2025-06-12T10:00:00.000Z' },
    ]);
  });

  it('lists no triage case without includeTriage (a jour, or anyone but the city coordinators)', async () => {
    expect(await fx.queries.atRisk({ orgs: 'all', now, withinHours: 72 })).toEqual([
      { caseId: 't-resolved', org: 'boj-vasterort', rule: 'first-contact', firstContactDueAt: '2025-06-11T09:00:00.000Z' },
      { caseId: 't-open', org: 'boj-vasterort', rule: 'first-contact', firstContactDueAt: '2025-06-12T10:00:00.000Z' },
    ]);
    expect(await fx.queries.atRisk({ orgs: ['boj-vasterort'], now, withinHours: 1, includeTriage: false })).toEqual([]);
  });

  it('lists a case 1 ms past its line, not at it', async () => {
    const ids = async (at: string) =>
      (await fx.queries.atRisk({ orgs: [], now: new Date(at), withinHours: 1, includeTriage: true })).map((c) => c.caseId);
    expect(await ids('2025-06-10T10:00:00.000Z')).toEqual(['t-old', 't-past']);
    expect(await ids('2025-06-10T10:00:00.001Z')).toEqual(['t-old', 't-past', 't-at-line']);
    expect(await ids('2025-06-09T08:59:59.999Z')).toEqual([]);
  });

  it('arms a triage-wait timer per waiting case until its wait is recorded, past lines included', async () => {
    const waits = async () => (await fx.queries.openDeadlines()).filter((t) => t.kind === 'triage-wait');
    expect(await waits()).toEqual([
      { caseId: 't-old', kind: 'triage-wait', dueAt: '2025-06-09T09:00:00.000Z' },
      { caseId: 't-past', kind: 'triage-wait', dueAt: '2025-06-10T09:59:59.999Z' },
      { caseId: 't-at-line', kind: 'triage-wait', dueAt: '2025-06-10T10:00:00.000Z' },
      { caseId: 't-fresh', kind: 'triage-wait', dueAt: '2025-06-11T09:00:00.000Z' },
    ]);
    // Reconciliation after downtime: the checks at NOW record the two past lines, at their true time.
    for (const caseId of ['t-old', 't-past', 't-at-line', 't-fresh', 't-resolved', 't-closed']) await fx.writer.checkTriageWait(caseId, NOW);
    await fx.caughtUp();
    expect((await waits()).map((t) => t.caseId)).toEqual(['t-at-line', 't-fresh']);
    expect((await fx.queries.getCase('t-old', { now }))?.history.slice(1)).toEqual([
      { type: 'TriageWaitExceeded', at: '2025-06-09T09:00:00.000Z', receivedAt: '2025-06-08T09:00:00.000Z', hoursWaited: 24, detectedAt: NOW },
    ]);
    // Still waiting unrouted: it stays on the city's list after the wait is recorded.
    const listed = await fx.queries.atRisk({ orgs: [], now, withinHours: 1, includeTriage: true });
    expect(listed.map((c) => c.caseId)).toEqual(['t-old', 't-past']);
  });

  it('drops a case from the list and the timers once it is routed', async () => {
    await fx.writer.case({ type: 'ResolveTriage', caseId: 't-old', routeTo: 'boj-sodra-stockholm', at: NOW, sla: defaultSlaPolicy });
    await fx.writer.case({ type: 'ResolveTriage', caseId: 't-fresh', routeTo: 'boj-sodra-stockholm', at: NOW, sla: defaultSlaPolicy });
    await fx.caughtUp();
    const listed = await fx.queries.atRisk({ orgs: [], now: new Date('2025-06-12T00:00:00.000Z'), withinHours: 1, includeTriage: true });
    expect(listed.map((c) => c.caseId)).toEqual(['t-past', 't-at-line']);
    expect((await fx.queries.openDeadlines()).filter((t) => t.kind === 'triage-wait').map((t) => t.caseId)).toEqual(['t-at-line']);
  });
});
