import { defaultSlaPolicy } from '@referral/case';
import { sqlBackends } from '../../../test/support/databases';
import { openReadModels, type ReadModelFixture } from './support/read-model-fixture';
import { NOW, assign, contactOf, handoverOf, registerVolunteer } from './support/scenario';

describe.each(sqlBackends)('read models rebuilt from the events on %s', (_name, open) => {
  let fx: ReadModelFixture;
  beforeEach(async () => {
    fx = await openReadModels(open);
  });
  afterEach(() => fx.dispose());

  it('answer the same after a rebuild of every projection, and keep up with new events', async () => {
    await fx.writer.volunteer(registerVolunteer('vol-1', 'boj-vasterort'));
    await fx.writer.case(handoverOf('r-1', '2025-06-08T10:00:00.000Z', 'vasterort'));
    await fx.writer.case(assign('r-1', 'vol-1'));
    await fx.writer.case({ type: 'RecordContact', caseId: 'r-1', channel: 'sms', outcome: 'reached', at: '2025-06-09T08:00:00.000Z', now: NOW, note: 'Svarade direkt' });
    await fx.writer.case(handoverOf('r-2', '2025-06-09T10:00:00.000Z', 'triage'));
    // Deadlines: r-3 breached and retracted by a call typed in later, r-4 breached, r-5 at risk.
    await fx.writer.case(handoverOf('r-3', '2025-06-04T10:00:00.000Z', 'vasterort'));
    await fx.writer.case(handoverOf('r-4', '2025-06-05T10:00:00.000Z', 'sodra'));
    await fx.writer.case(handoverOf('r-5', '2025-06-07T20:00:00.000Z', 'vasterort'));
    for (const caseId of ['r-3', 'r-4', 'r-5']) await fx.writer.checkDeadlines(caseId, NOW);
    await fx.writer.case(contactOf('r-3', '2025-06-07T09:00:00.000Z'));
    await fx.caughtUp();
    const now = new Date(NOW);
    const answers = async () => ({
      list: await fx.queries.listCases({ orgs: 'all', limit: 10, now }),
      detail: await fx.queries.getCase('r-1', { now }),
      volunteers: await fx.queries.listVolunteers('boj-vasterort'),
      refusals: await fx.queries.countRefusedHandovers(),
      breaches: await fx.queries.breaches({ orgs: 'all' }),
      atRisk: await fx.queries.atRisk({ orgs: 'all', now, withinHours: 24 }),
      openDeadlines: await fx.queries.openDeadlines(),
      sla: await Promise.all(['r-1', 'r-2', 'r-3', 'r-4', 'r-5'].map((id) => fx.queries.slaStateOf(id, { now }))),
      breachedList: await fx.queries.listCases({ orgs: 'all', limit: 10, now, slaState: 'breached' }),
      retracted: await fx.queries.getCase('r-3', { now }),
    });
    const before = await answers();
    expect(before.breaches.map((b) => b.caseId)).toEqual(['r-4']);
    expect(before.atRisk.map((c) => c.caseId)).toEqual(['r-5']);
    expect(before.retracted?.history.map((h) => h.type)).toContain('DeadlineBreachRetracted');

    for (const name of ['case_views', 'volunteers', 'handover_refusals', 'sla']) {
      expect(await fx.rebuild(name)).toMatchObject({ generation: 2, previousGeneration: 1 });
    }
    expect(await answers()).toEqual(before);

    await fx.writer.case({ type: 'ResolveTriage', caseId: 'r-2', routeTo: 'boj-vasterort', at: NOW, sla: defaultSlaPolicy });
    await fx.caughtUp();
    expect(await fx.queries.getCase('r-2', { now })).toMatchObject({ status: 'open', org: 'boj-vasterort', firstContactDueAt: '2025-06-13T10:00:00.000Z' });
    expect(await fx.queries.slaStateOf('r-2', { now })).toMatchObject({ status: 'open', org: 'boj-vasterort', firstContactDueAt: '2025-06-13T10:00:00.000Z' });
    expect((await fx.queries.openDeadlines()).filter((t) => t.caseId === 'r-2').map((t) => t.kind)).toEqual(['at-risk', 'first-contact', 'reach-attempts']);
  });
});
