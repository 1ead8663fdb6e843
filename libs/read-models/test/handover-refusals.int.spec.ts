import { sqlBackends } from '../../../test/support/databases';
import { receiveHandover } from '../../case/testing/case-fixtures';
import { openReadModels, type ReadModelFixture } from './support/read-model-fixture';
import { fictionalPerson } from './support/scenario';

type Refused = 'adult-in-bromma' | 'adult-in-farsta' | 'child';

/** An adult who did not consent, or a 13-year-old with only their own consent. */
const refusal = (handoverId: string, now: string, who: Refused) =>
  receiveHandover(
    {
      handoverId,
      handedOverAt: '2025-06-09T08:00:00.000Z',
      consent: { subject: who === 'child' },
      person: who === 'child' ? { ...fictionalPerson('stodcentrum', '973'), birthDate: '2012-01-01', personalIdentityNumber: undefined } : fictionalPerson('vasterort'),
      area: { municipality: 'Stockholm', district: who === 'adult-in-farsta' ? 'Farsta' : 'Bromma' },
    },
    { caseId: `refused-${handoverId}`, now },
  );

describe.each(sqlBackends)('refused handover counts on %s', (_name, open) => {
  let fx: ReadModelFixture;
  beforeAll(async () => {
    fx = await openReadModels(open);
    await fx.writer.refusedHandover(refusal('ho-r1', '2025-06-09T21:30:00.000Z', 'adult-in-bromma')); // 23:30 on 9 June in Stockholm
    await fx.writer.refusedHandover(refusal('ho-r2', '2025-06-09T22:30:00.000Z', 'child')); // 00:30 on 10 June
    await fx.writer.refusedHandover(refusal('ho-r3', '2025-06-10T08:00:00.000Z', 'adult-in-bromma'));
    await fx.writer.refusedHandover(refusal('ho-r4', '2025-06-11T08:00:00.000Z', 'adult-in-farsta'));
    await fx.caughtUp();
  });
  afterAll(() => fx.dispose());

  it('counts per org the handover would have gone to', async () => {
    expect(await fx.queries.countRefusedHandovers()).toEqual({
      total: 4,
      byOrg: { 'boj-sodra-stockholm': 1, 'boj-vasterort': 2, stodcentrum: 1 },
    });
  });

  it('counts by the Stockholm day of refusal, both ends inclusive', async () => {
    expect(await fx.queries.countRefusedHandovers({ from: '2025-06-10', to: '2025-06-10' })).toEqual({
      total: 2,
      byOrg: { 'boj-vasterort': 1, stodcentrum: 1 },
    });
    expect(await fx.queries.countRefusedHandovers({ to: '2025-06-09' })).toEqual({ total: 1, byOrg: { 'boj-vasterort': 1 } });
    expect(await fx.queries.countRefusedHandovers({ from: '2025-06-12' })).toEqual({ total: 0, byOrg: {} });
    expect(await fx.queries.countRefusedHandovers({ orgs: ['boj-vasterort'] })).toEqual({ total: 2, byOrg: { 'boj-vasterort': 2 } });
  });

  it('keeps nothing but days, orgs and counts', async () => {
    const { rows } = await fx.db.client.query('SELECT * FROM handover_refusals');
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['day', 'org', 'refused']);
  });
});
