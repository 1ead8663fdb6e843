import { defaultSlaPolicy } from '@referral/case';
import { sqlBackends } from '../../../test/support/databases';
import { openReadModels, type ReadModelFixture } from './support/read-model-fixture';
import { NOW, assign, handoverOf, registerVolunteer } from './support/scenario';

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
    await fx.caughtUp();
    const now = new Date(NOW);
    const answers = async () => ({
      list: await fx.queries.listCases({ orgs: 'all', limit: 10, now }),
      detail: await fx.queries.getCase('r-1', { now }),
      volunteers: await fx.queries.listVolunteers('boj-vasterort'),
      refusals: await fx.queries.countRefusedHandovers(),
    });
    const before = await answers();

    for (const name of ['case_views', 'volunteers', 'handover_refusals']) {
      expect(await fx.rebuild(name)).toMatchObject({ generation: 2, previousGeneration: 1 });
    }
    expect(await answers()).toEqual(before);

    await fx.writer.case({ type: 'ResolveTriage', caseId: 'r-2', routeTo: 'boj-vasterort', at: NOW, sla: defaultSlaPolicy });
    await fx.caughtUp();
    expect(await fx.queries.getCase('r-2', { now })).toMatchObject({ status: 'open', org: 'boj-vasterort', firstContactDueAt: '2025-06-13T10:00:00.000Z' });
  });
});
