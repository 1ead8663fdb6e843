import { defaultSlaPolicy } from '@referral/case';
import { sqlBackends } from '../../../test/support/databases';
import { openReadModels, type ReadModelFixture } from './support/read-model-fixture';
import { NOW, assign, contactOf, handoverOf, registerVolunteer } from './support/scenario';

// Received at 10:00Z (12:00 Stockholm summer time): first contact due 3 days later at the same
// wall-clock time, reach attempts 14 days later. Deadline checks run at NOW (2025-06-10T10:00Z).
describe.each(sqlBackends)('CaseQueries.breaches on %s', (_name, open) => {
  let fx: ReadModelFixture;

  beforeAll(async () => {
    fx = await openReadModels(open);
    const { writer } = fx;
    await writer.case(handoverOf('b-reach', '2025-05-20T10:00:00.000Z', 'vasterort')); // reach due 06-03
    await writer.case(contactOf('b-reach', '2025-05-21T10:00:00.000Z')); // first contact met; 1 of 3 attempts
    await writer.case(handoverOf('b-tie', '2025-06-05T10:00:00.000Z', 'vasterort')); // first contact due 06-08
    await writer.case(handoverOf('b-missed', '2025-06-05T10:00:00.000Z', 'vasterort'));
    await writer.case(handoverOf('b-sodra', '2025-06-06T09:00:00.000Z', 'sodra')); // due 06-09T09:00Z
    await writer.case(handoverOf('b-due-now', '2025-06-07T10:00:00.000Z', 'vasterort')); // due exactly NOW: not missed yet
    await writer.case(handoverOf('b-triage', '2025-06-01T10:00:00.000Z', 'triage')); // no clock
    for (const id of ['b-reach', 'b-tie', 'b-missed', 'b-sodra', 'b-due-now', 'b-triage']) await writer.checkDeadlines(id, NOW);
    await writer.checkDeadlines('b-missed', '2025-06-10T11:00:00.000Z'); // a second fire records nothing more
    await fx.caughtUp();
  });
  afterAll(() => fx.dispose());

  const ids = (breaches: Array<{ caseId: string }>) => breaches.map((b) => b.caseId);

  it('lists recorded breaches of every org for the city, by breach time then case id', async () => {
    expect(await fx.queries.breaches({ orgs: 'all' })).toEqual([
      { caseId: 'b-reach', org: 'boj-vasterort', rule: 'reach-attempts', dueAt: '2025-06-03T10:00:00.000Z', breachedAt: '2025-06-03T10:00:00.000Z' },
      { caseId: 'b-missed', org: 'boj-vasterort', rule: 'first-contact', dueAt: '2025-06-08T10:00:00.000Z', breachedAt: '2025-06-08T10:00:00.000Z' },
      { caseId: 'b-tie', org: 'boj-vasterort', rule: 'first-contact', dueAt: '2025-06-08T10:00:00.000Z', breachedAt: '2025-06-08T10:00:00.000Z' },
      { caseId: 'b-sodra', org: 'boj-sodra-stockholm', rule: 'first-contact', dueAt: '2025-06-09T09:00:00.000Z', breachedAt: '2025-06-09T09:00:00.000Z' },
    ]);
  });

  it('scopes to the caller’s orgs', async () => {
    expect(ids(await fx.queries.breaches({ orgs: ['boj-sodra-stockholm'] }))).toEqual(['b-sodra']);
    expect(ids(await fx.queries.breaches({ orgs: ['boj-vasterort', 'stodcentrum'] }))).toEqual(['b-reach', 'b-missed', 'b-tie']);
    expect(await fx.queries.breaches({ orgs: ['stodcentrum'] })).toEqual([]);
    expect(await fx.queries.breaches({ orgs: [] })).toEqual([]);
  });

  it('takes from and to inclusively, either one alone', async () => {
    const at = new Date('2025-06-08T10:00:00.000Z');
    const justAfter = new Date('2025-06-08T10:00:00.001Z');
    expect(ids(await fx.queries.breaches({ orgs: 'all', from: at }))).toEqual(['b-missed', 'b-tie', 'b-sodra']);
    expect(ids(await fx.queries.breaches({ orgs: 'all', to: at }))).toEqual(['b-reach', 'b-missed', 'b-tie']);
    expect(ids(await fx.queries.breaches({ orgs: 'all', from: at, to: at }))).toEqual(['b-missed', 'b-tie']);
    expect(ids(await fx.queries.breaches({ orgs: 'all', from: justAfter, to: new Date('2025-06-09T08:59:59.999Z') }))).toEqual([]);
    expect(ids(await fx.queries.breaches({ orgs: ['boj-vasterort'], from: justAfter }))).toEqual([]);
  });

  it('shows the breach as the case’s SLA state and in its history', async () => {
    const now = new Date(NOW);
    expect(await fx.queries.getCase('b-missed', { now })).toMatchObject({ slaState: 'breached' });
    expect(await fx.queries.getCase('b-due-now', { now })).toMatchObject({ slaState: 'at-risk' });
    expect((await fx.queries.getCase('b-missed', { now }))?.history.slice(1)).toEqual([
      { type: 'FirstContactDeadlineMissed', at: '2025-06-08T10:00:00.000Z', dueAt: '2025-06-08T10:00:00.000Z', detectedAt: NOW },
    ]);
    expect((await fx.queries.getCase('b-reach', { now }))?.history[2]).toEqual({
      type: 'ReachAttemptsDeadlineMissed', at: '2025-06-03T10:00:00.000Z', dueAt: '2025-06-03T10:00:00.000Z', detectedAt: NOW,
      phoneAttempts: 1, eveningAttempts: 0,
    });
    expect(await fx.queries.slaStateOf('b-reach', { now })).toEqual({
      caseId: 'b-reach', org: 'boj-vasterort', status: 'open', slaState: 'breached',
      firstContactDueAt: '2025-05-23T10:00:00.000Z', reachAttemptsDueAt: '2025-06-03T10:00:00.000Z', atRiskFrom: '2025-05-22T10:00:00.000Z',
      firstContactAt: '2025-05-21T10:00:00.000Z', phoneAttempts: 1, eveningAttempts: 0, eveningAttempt: false, reached: false, closedAt: null,
      breaches: [{
        caseId: 'b-reach', org: 'boj-vasterort', rule: 'reach-attempts', dueAt: '2025-06-03T10:00:00.000Z',
        breachedAt: '2025-06-03T10:00:00.000Z', detectedAt: NOW, retractedAt: null, metAt: null,
      }],
    });
    expect(await fx.queries.slaStateOf('no-such-case', { now })).toBeNull();
  });
});

describe.each(sqlBackends)('a breach retracted by a contact typed in later, on %s', (_name, open) => {
  let fx: ReadModelFixture;
  beforeEach(async () => {
    fx = await openReadModels(open);
  });
  afterEach(() => fx.dispose());

  it('leaves the breach list and flips the SLA state back, visibly in the history', async () => {
    const now = new Date(NOW);
    await fx.writer.case(handoverOf('late', '2025-06-04T10:00:00.000Z', 'vasterort')); // first contact due 06-07T10:00Z
    await fx.writer.case(handoverOf('other', '2025-06-04T10:00:00.000Z', 'vasterort'));
    await fx.writer.checkDeadlines('late', NOW);
    await fx.writer.checkDeadlines('other', NOW);
    await fx.caughtUp();
    expect((await fx.queries.breaches({ orgs: 'all' })).map((b) => b.caseId)).toEqual(['late', 'other']);
    const breached = await fx.queries.listCases({ orgs: 'all', limit: 1, now, slaState: 'breached' });
    expect(breached.items.map((c) => c.caseId)).toEqual(['late']);

    // The call was made at 09:00Z on the due day and typed in at NOW: the breach is retracted.
    const events = await fx.writer.case(contactOf('late', '2025-06-07T09:00:00.000Z', { by: 'vol-1' }));
    expect(events.map((e) => e.type)).toEqual(['ContactRecorded', 'DeadlineBreachRetracted']);
    await fx.writer.checkDeadlines('late', '2025-06-10T12:00:00.000Z'); // a later fire records nothing
    await fx.caughtUp();

    expect((await fx.queries.breaches({ orgs: 'all' })).map((b) => b.caseId)).toEqual(['other']);
    const detail = await fx.queries.getCase('late', { now });
    expect(detail?.slaState).toBe('ok');
    expect(detail?.history.map((h) => h.type)).toEqual([
      'CaseReceived', 'FirstContactDeadlineMissed', 'ContactRecorded', 'DeadlineBreachRetracted',
    ]);
    expect(detail?.history[3]).toEqual({
      type: 'DeadlineBreachRetracted', at: NOW, rule: 'first-contact', dueAt: '2025-06-07T10:00:00.000Z', metAt: '2025-06-07T09:00:00.000Z', by: 'vol-1',
    });
    expect((await fx.queries.listCases({ orgs: 'all', limit: 10, now, slaState: 'breached' })).items.map((c) => c.caseId)).toEqual(['other']);
    expect((await fx.queries.slaStateOf('late', { now }))?.breaches).toEqual([expect.objectContaining({
      rule: 'first-contact', retractedAt: NOW, metAt: '2025-06-07T09:00:00.000Z',
    })]);
    // Retracted, met in time and recorded: no timer left for first contact.
    expect((await fx.queries.openDeadlines()).filter((d) => d.caseId === 'late').map((d) => d.kind)).toEqual(['reach-attempts']);
  });

  it('a contact after the due time retracts nothing', async () => {
    await fx.writer.case(handoverOf('too-late', '2025-06-04T10:00:00.000Z', 'vasterort'));
    await fx.writer.checkDeadlines('too-late', NOW);
    await fx.writer.case(contactOf('too-late', '2025-06-07T10:00:00.001Z'));
    await fx.caughtUp();
    expect((await fx.queries.breaches({ orgs: ['boj-vasterort'] })).map((b) => b.caseId)).toEqual(['too-late']);
    expect(await fx.queries.getCase('too-late', { now: new Date(NOW) })).toMatchObject({ slaState: 'breached' });
  });
});

describe.each(sqlBackends)('CaseQueries.atRisk on %s', (_name, open) => {
  let fx: ReadModelFixture;
  const now = new Date(NOW);
  const atRisk = async (filter: { orgs?: readonly string[] | 'all'; withinHours?: number; now?: Date } = {}) =>
    (await fx.queries.atRisk({ orgs: 'all', now, withinHours: 24, ...filter })).map((c) => c.caseId);

  beforeAll(async () => {
    fx = await openReadModels(open);
    const { writer } = fx;
    await writer.volunteer(registerVolunteer('vol-1', 'boj-vasterort'));
    await writer.case(handoverOf('a-edge', '2025-06-08T10:00:00.000Z', 'vasterort')); // due exactly NOW + 24 h
    await writer.case(handoverOf('a-beyond', '2025-06-08T10:00:00.001Z', 'vasterort')); // 1 ms beyond the window
    await writer.case(handoverOf('a-soon', '2025-06-07T11:00:00.000Z', 'sodra')); // due in 1 h
    await writer.case(handoverOf('a-due-now', '2025-06-07T10:00:00.000Z', 'vasterort')); // due exactly NOW: already due
    await writer.case(handoverOf('a-overdue', '2025-06-06T10:00:00.000Z', 'vasterort'));
    await writer.case(handoverOf('a-contacted', '2025-06-07T12:00:00.000Z', 'vasterort'));
    await writer.case(contactOf('a-contacted', '2025-06-07T13:00:00.000Z', { channel: 'sms' }));
    await writer.case(handoverOf('a-other-actor', '2025-06-07T12:00:00.000Z', 'vasterort'));
    await writer.case(contactOf('a-other-actor', '2025-06-07T13:00:00.000Z', { channel: 'other-actor' })); // not towards the person
    await writer.case(handoverOf('a-closed', '2025-06-07T12:00:00.000Z', 'vasterort'));
    await writer.case({ type: 'CloseCase', caseId: 'a-closed', reason: 'declined', at: '2025-06-08T09:00:00.000Z', now: NOW });
    await writer.case(handoverOf('a-triage', '2025-06-08T10:00:00.000Z', 'triage'));
    await writer.case(handoverOf('a-resolved', '2025-06-06T10:00:00.000Z', 'triage'));
    await writer.case({ type: 'ResolveTriage', caseId: 'a-resolved', routeTo: 'stodcentrum', at: '2025-06-07T20:00:00.000Z', sla: defaultSlaPolicy });
    await writer.case(assign('a-edge', 'vol-1'));
    await fx.caughtUp();
  });
  afterAll(() => fx.dispose());

  it('answers open, uncontacted cases due after now and at most the window later, soonest first', async () => {
    expect(await fx.queries.atRisk({ orgs: 'all', now, withinHours: 24 })).toEqual([
      { caseId: 'a-soon', org: 'boj-sodra-stockholm', rule: 'first-contact', firstContactDueAt: '2025-06-10T11:00:00.000Z' },
      { caseId: 'a-other-actor', org: 'boj-vasterort', rule: 'first-contact', firstContactDueAt: '2025-06-10T12:00:00.000Z' },
      { caseId: 'a-resolved', org: 'stodcentrum', rule: 'first-contact', firstContactDueAt: '2025-06-10T20:00:00.000Z' },
      { caseId: 'a-edge', org: 'boj-vasterort', rule: 'first-contact', firstContactDueAt: '2025-06-11T10:00:00.000Z', assigneeId: 'vol-1' },
    ]);
  });

  it('has exact window boundaries', async () => {
    expect(await atRisk({ withinHours: 1 })).toEqual(['a-soon']);
    expect(await atRisk({ withinHours: 0.999 })).toEqual([]);
    expect(await atRisk({ withinHours: 0 })).toEqual([]);
    expect(await atRisk({ now: new Date('2025-06-10T10:59:59.999Z'), withinHours: 0.001 })).toEqual(['a-soon']);
    expect(await atRisk({ now: new Date('2025-06-10T11:00:00.000Z'), withinHours: 1 })).toEqual(['a-other-actor']);
    expect(await atRisk({ withinHours: 24 * 30 })).toEqual(['a-soon', 'a-other-actor', 'a-resolved', 'a-edge', 'a-beyond']);
  });

  it('scopes to the caller’s orgs', async () => {
    expect(await atRisk({ orgs: ['boj-vasterort'] })).toEqual(['a-other-actor', 'a-edge']);
    expect(await atRisk({ orgs: ['stodcentrum', 'boj-sodra-stockholm'] })).toEqual(['a-soon', 'a-resolved']);
    expect(await atRisk({ orgs: ['triage'] })).toEqual([]);
    expect(await atRisk({ orgs: [] })).toEqual([]);
  });

  it('refuses a negative or unreadable window', async () => {
    await expect(fx.queries.atRisk({ orgs: 'all', now, withinHours: -1 })).rejects.toBeInstanceOf(RangeError);
    await expect(fx.queries.atRisk({ orgs: 'all', now, withinHours: Number.NaN })).rejects.toBeInstanceOf(RangeError);
  });
});
