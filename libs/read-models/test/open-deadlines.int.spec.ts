import { defaultSlaPolicy, pendingDeadlines, pendingTriageWait } from '@referral/case';
import { sqlBackends } from '../../../test/support/databases';
import type { OpenDeadline } from '../src';
import { openReadModels, type ReadModelFixture } from './support/read-model-fixture';
import { NOW, contactOf, handoverOf } from './support/scenario';

const close = (caseId: string, at: string) => ({ type: 'CloseCase' as const, caseId, reason: 'other' as const, at, now: NOW });

const CASES = [
  'o-open', 'o-triage', 'o-resolved', 'o-contacted', 'o-reached', 'o-attempts', 'o-closed', 'o-closed-after-due',
  'o-closed-at-due', 'o-late-contact', 'o-recorded', 'o-contact-at-due',
];

// Received at 10:00Z (12:00 Stockholm): at risk 2 days later, first contact due 3 days later,
// reach attempts 14 days later, all at the same wall-clock time. NOW is 2025-06-10T10:00Z.
describe.each(sqlBackends)('CaseQueries.openDeadlines on %s', (_name, open) => {
  let fx: ReadModelFixture;

  beforeAll(async () => {
    fx = await openReadModels(open);
    const { writer } = fx;
    await writer.case(handoverOf('o-open', '2025-06-09T10:00:00.000Z', 'vasterort'));
    await writer.case(handoverOf('o-triage', '2025-06-09T10:00:00.000Z', 'triage'));
    await writer.case(handoverOf('o-resolved', '2025-06-08T10:00:00.000Z', 'triage'));
    await writer.case({ type: 'ResolveTriage', caseId: 'o-resolved', routeTo: 'boj-sodra-stockholm', at: '2025-06-09T07:00:00.000Z', sla: defaultSlaPolicy });
    await writer.case(handoverOf('o-contacted', '2025-06-09T10:00:00.000Z', 'vasterort'));
    await writer.case(contactOf('o-contacted', '2025-06-09T12:00:00.000Z'));
    await writer.case(handoverOf('o-reached', '2025-06-09T10:00:00.000Z', 'vasterort'));
    await writer.case(contactOf('o-reached', '2025-06-09T12:00:00.000Z', { outcome: 'reached' }));
    await writer.case(handoverOf('o-attempts', '2025-06-01T10:00:00.000Z', 'sodra'));
    await writer.case(contactOf('o-attempts', '2025-06-02T09:00:00.000Z'));
    await writer.case(contactOf('o-attempts', '2025-06-03T09:00:00.000Z', { outcome: 'voicemail' }));
    await writer.case(contactOf('o-attempts', '2025-06-03T16:30:00.000Z')); // 18:30 Stockholm: the evening attempt
    await writer.case(handoverOf('o-closed', '2025-06-09T10:00:00.000Z', 'vasterort'));
    await writer.case(close('o-closed', '2025-06-09T11:00:00.000Z'));
    // Closed a day after its first contact fell due, while no check ran: that breach is still to record.
    await writer.case(handoverOf('o-closed-after-due', '2025-06-01T10:00:00.000Z', 'vasterort'));
    await writer.case(close('o-closed-after-due', '2025-06-05T10:00:00.000Z'));
    await writer.case(handoverOf('o-closed-at-due', '2025-06-01T12:00:00.000Z', 'vasterort'));
    await writer.case(close('o-closed-at-due', '2025-06-04T12:00:00.000Z')); // closed at the due instant: on time
    // First contact a day late, and no check ran in between: the breach is still to record.
    await writer.case(handoverOf('o-late-contact', '2025-06-02T10:00:00.000Z', 'vasterort'));
    await writer.case(contactOf('o-late-contact', '2025-06-06T10:00:00.000Z'));
    await writer.case(handoverOf('o-recorded', '2025-06-03T10:00:00.000Z', 'vasterort'));
    await writer.checkDeadlines('o-recorded', NOW);
    await writer.case(handoverOf('o-contact-at-due', '2025-06-03T12:00:00.000Z', 'vasterort'));
    await writer.case(contactOf('o-contact-at-due', '2025-06-06T12:00:00.000Z', { channel: 'sms' })); // exactly at the due instant
    await fx.caughtUp();
  });
  afterAll(() => fx.dispose());

  const d = (caseId: string, kind: OpenDeadline['kind'], dueAt: string): OpenDeadline => ({ caseId, kind, dueAt });

  it('lists every timer to arm, by due time: open, resolved, contacted and closed-after-due cases', async () => {
    expect(await fx.queries.openDeadlines()).toEqual([
      d('o-closed-after-due', 'first-contact', '2025-06-04T10:00:00.000Z'),
      d('o-late-contact', 'first-contact', '2025-06-05T10:00:00.000Z'),
      d('o-triage', 'triage-wait', '2025-06-10T10:00:00.000Z'),
      d('o-resolved', 'at-risk', '2025-06-11T07:00:00.000Z'),
      d('o-open', 'at-risk', '2025-06-11T10:00:00.000Z'),
      d('o-resolved', 'first-contact', '2025-06-12T07:00:00.000Z'),
      d('o-open', 'first-contact', '2025-06-12T10:00:00.000Z'),
      d('o-late-contact', 'reach-attempts', '2025-06-16T10:00:00.000Z'),
      d('o-recorded', 'reach-attempts', '2025-06-17T10:00:00.000Z'),
      d('o-contact-at-due', 'reach-attempts', '2025-06-17T12:00:00.000Z'),
      d('o-resolved', 'reach-attempts', '2025-06-23T07:00:00.000Z'),
      d('o-contacted', 'reach-attempts', '2025-06-23T10:00:00.000Z'),
      d('o-open', 'reach-attempts', '2025-06-23T10:00:00.000Z'),
    ]);
  });

  it('agrees with the decider’s pending deadlines for every case', async () => {
    await expectSameAsDecider();
  });

  it('after a reconciliation at NOW, lists nothing already due and still agrees with the decider', async () => {
    for (const caseId of CASES) {
      await fx.writer.checkDeadlines(caseId, NOW);
      await fx.writer.checkTriageWait(caseId, NOW);
    }
    await fx.caughtUp();
    const listed = await fx.queries.openDeadlines();
    expect(listed.filter((t) => t.kind !== 'at-risk' && t.dueAt < NOW)).toEqual([]);
    expect((await fx.queries.breaches({ orgs: 'all' })).map((b) => [b.caseId, b.rule, b.breachedAt])).toEqual([
      ['o-closed-after-due', 'first-contact', '2025-06-04T10:00:00.000Z'],
      ['o-late-contact', 'first-contact', '2025-06-05T10:00:00.000Z'],
      ['o-recorded', 'first-contact', '2025-06-06T10:00:00.000Z'],
    ]);
    // A closed case with its breach recorded has nothing left to arm.
    expect(listed.filter((t) => t.caseId.startsWith('o-closed'))).toEqual([]);
    await expectSameAsDecider();
  });

  async function expectSameAsDecider(): Promise<void> {
    const expected: OpenDeadline[] = [];
    for (const caseId of CASES) {
      const state = await fx.writer.caseState(caseId);
      for (const pending of pendingDeadlines(state)) expected.push({ caseId, kind: pending.rule, dueAt: pending.dueAt });
      const triageWait = pendingTriageWait(state);
      if (triageWait) expected.push({ caseId, kind: 'triage-wait', dueAt: triageWait.dueAt });
    }
    const key = (t: OpenDeadline) => `${t.caseId} ${t.kind} ${t.dueAt}`;
    const listed = (await fx.queries.openDeadlines()).filter((t) => t.kind !== 'at-risk');
    expect(listed.map(key).sort()).toEqual(expected.map(key).sort());
  }
});
