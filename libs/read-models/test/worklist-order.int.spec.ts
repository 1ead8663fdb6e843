import { sqlBackends } from '../../../test/support/databases';
import { openReadModels, type ReadModelFixture } from './support/read-model-fixture';
import { NOW, contactOf, handoverOf } from './support/scenario';

// The worklist order of contract v1.1, judged at NOW (2025-06-10T10:00Z):
//   w-first-soon   first contact due 06-09 10:00Z (nobody contacted: first contact is what is pending)
//   w-first-late   first contact due 06-11 10:00Z
//   w-reach        contacted 06-02, not reached: reach attempts due 06-15 10:00Z (received 06-01 + 14 days)
//   w-reach-later  contacted, not reached: reach attempts due 06-19 10:00Z
//   w-reached-old  reached: no pending deadline; received 06-02
//   w-reached-new  reached: no pending deadline; received 06-05
//   w-triage-old   triage, received 06-03 (oldest first)
//   w-triage-new   triage, received 06-07
//   w-closed-new   closed 06-09 (newest closing first)
//   w-closed-old   closed 06-04
const EXPECTED = [
  'w-first-soon', 'w-first-late', 'w-reach', 'w-reach-later', 'w-reached-old', 'w-reached-new',
  'w-triage-old', 'w-triage-new', 'w-closed-new', 'w-closed-old',
];

describe.each(sqlBackends)('the worklist lists the most urgent first on %s', (_name, open) => {
  let fx: ReadModelFixture;

  beforeAll(async () => {
    fx = await openReadModels(open);
    const { writer } = fx;
    // Written in an order unlike the expected one, so insertion order cannot pass for sorting.
    await writer.case(handoverOf('w-closed-old', '2025-06-01T10:00:00.000Z', 'vasterort'));
    await writer.case({ type: 'CloseCase', caseId: 'w-closed-old', reason: 'support-given', at: '2025-06-04T09:00:00.000Z', now: NOW });
    await writer.case(handoverOf('w-reached-new', '2025-06-05T10:00:00.000Z', 'vasterort'));
    await writer.case(contactOf('w-reached-new', '2025-06-05T11:00:00.000Z', { outcome: 'reached' }));
    await writer.case(handoverOf('w-triage-new', '2025-06-07T10:00:00.000Z', 'triage'));
    await writer.case(handoverOf('w-reach-later', '2025-06-05T10:00:00.000Z', 'sodra'));
    await writer.case(contactOf('w-reach-later', '2025-06-05T12:00:00.000Z'));
    await writer.case(handoverOf('w-first-late', '2025-06-08T10:00:00.000Z', 'vasterort'));
    await writer.case(handoverOf('w-closed-new', '2025-06-02T10:00:00.000Z', 'sodra'));
    await writer.case({ type: 'CloseCase', caseId: 'w-closed-new', reason: 'support-given', at: '2025-06-09T09:00:00.000Z', now: NOW });
    await writer.case(handoverOf('w-reach', '2025-06-01T10:00:00.000Z', 'vasterort'));
    await writer.case(contactOf('w-reach', '2025-06-02T12:00:00.000Z'));
    await writer.case(handoverOf('w-triage-old', '2025-06-03T10:00:00.000Z', 'triage'));
    await writer.case(handoverOf('w-reached-old', '2025-06-02T10:00:00.000Z', 'sodra'));
    await writer.case(contactOf('w-reached-old', '2025-06-02T11:00:00.000Z', { outcome: 'reached' }));
    await writer.case(handoverOf('w-first-soon', '2025-06-06T10:00:00.000Z', 'sodra'));
    await fx.caughtUp();
  });
  afterAll(() => fx.dispose());

  it('orders open cases by their pending deadline, then triage by receipt, then closed newest first', async () => {
    const page = await fx.queries.listCases({ orgs: 'all', limit: 100, now: new Date(NOW) });
    expect(page.items.map((c) => c.caseId)).toEqual(EXPECTED);
  });

  it('keeps that order page by page, across every group boundary', async () => {
    for (const limit of [1, 2, 3, 7]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await fx.queries.listCases({ orgs: 'all', limit, now: new Date(NOW), cursor });
        seen.push(...page.items.map((c) => c.caseId));
        cursor = page.nextCursor;
      } while (cursor !== null && seen.length <= EXPECTED.length);
      expect(seen).toEqual(EXPECTED);
    }
  });
});
