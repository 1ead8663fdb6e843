import { defaultSlaPolicy } from '@referral/case';
import { sqlBackends } from '../../../test/support/databases';
import { openReadModels, type ReadModelFixture } from './support/read-model-fixture';
import { NOW, contactOf, handoverOf } from './support/scenario';

// NOW is Tuesday 10 June 2025, 12:00 Stockholm; the cases are received Monday 9 June, 10:00.
const RECEIVED = '2025-06-09T08:00:00.000Z';
const now = new Date(NOW);

describe.each(sqlBackends)('the call plan and contact safety of a case on %s', (_name, open) => {
  let fx: ReadModelFixture;
  beforeEach(async () => {
    fx = await openReadModels(open);
  });
  afterEach(() => fx.dispose());

  const safety = (caseId: string, changes: Record<string, unknown>) =>
    fx.writer.case({ type: 'ChangeContactSafety', caseId, mayLeaveMessage: true, now: NOW, by: 'anna', ...changes });

  it('given a fresh handover flagged violence in a close relationship: no message, any hour, call now until the first-contact deadline', async () => {
    await fx.writer.case(handoverOf('w-1', RECEIVED, 'vasterort'));
    await fx.caughtUp();
    expect(await fx.queries.caseWork('w-1', 'boj-vasterort', now)).toEqual({
      reachAttempts: { phone: 0, evening: 0, required: { phone: 3, evening: 1 }, dueAt: '2025-06-23T08:00:00.000Z', met: false },
      nextAttempt: { from: NOW, to: '2025-06-12T08:00:00.000Z', evening: false },
      sharedOpenEvening: { on: '2025-06-10', from: '2025-06-10T16:00:00.000Z', to: '2025-06-10T18:00:00.000Z' },
      contactSafety: { mayLeaveMessage: false, safeHours: null },
    });
    expect(await fx.queries.caseWork('no-such-case', 'boj-vasterort', now)).toBeNull();
  });

  it('given two daytime calls (typed in out of order) and safe hours 19:00-20:00, then the evening attempt tonight inside them; the note is shown', async () => {
    await fx.writer.case(handoverOf('w-2', RECEIVED, 'vasterort'));
    await fx.writer.case(contactOf('w-2', '2025-06-10T07:00:00.000Z'));
    await fx.writer.case(contactOf('w-2', '2025-06-09T09:00:00.000Z'));
    await safety('w-2', { mayLeaveMessage: false, safeHours: { from: '19:00', to: '20:00' }, note: 'Ring när han jobbar kväll' });
    await fx.caughtUp();
    const work = await fx.queries.caseWork('w-2', 'boj-vasterort', now);
    expect(work).toMatchObject({
      reachAttempts: { phone: 2, evening: 0, met: false },
      nextAttempt: { from: '2025-06-10T17:00:00.000Z', to: '2025-06-10T18:00:00.000Z', evening: true },
      contactSafety: { mayLeaveMessage: false, safeHours: { from: '19:00', to: '20:00' }, note: 'Ring när han jobbar kväll' },
    });
    const detail = await fx.queries.getCase('w-2', { now });
    expect(detail?.history.at(-1)).toEqual({
      type: 'ContactSafetyChanged', at: NOW, mayLeaveMessage: false, safeHours: { from: '19:00', to: '20:00' }, note: 'Ring när han jobbar kväll', by: 'anna',
    });
  });

  it('reached, or closed: no next attempt; erasure clears the note but keeps the safety facts; a rebuild answers the same', async () => {
    await fx.writer.case(handoverOf('w-3', RECEIVED, 'vasterort'));
    await safety('w-3', { safeHours: { from: '09:00', to: '17:00' }, note: 'Bara dagtid' });
    await fx.writer.case(contactOf('w-3', '2025-06-10T08:00:00.000Z', { outcome: 'reached' }));
    await fx.writer.case({ type: 'ErasePersonalData', caseId: 'w-3', reason: 'asked', now: NOW });
    await fx.caughtUp();
    const erased = await fx.queries.caseWork('w-3', 'boj-vasterort', now);
    expect(erased).toMatchObject({ nextAttempt: null, contactSafety: { mayLeaveMessage: true, safeHours: { from: '09:00', to: '17:00' } } });
    expect(erased?.contactSafety).not.toHaveProperty('note');
    await fx.rebuild('contact_plans');
    expect(await fx.queries.caseWork('w-3', 'boj-vasterort', now)).toEqual(erased);
  });

  it('in triage: no deadline and no plan; once routed, the plan runs from the resolution', async () => {
    await fx.writer.case(handoverOf('w-t', RECEIVED, 'triage'));
    await fx.caughtUp();
    expect(await fx.queries.caseWork('w-t', 'triage', now)).toMatchObject({
      reachAttempts: { dueAt: null }, nextAttempt: null, sharedOpenEvening: null,
    });
    await fx.writer.case({ type: 'ResolveTriage', caseId: 'w-t', routeTo: 'boj-vasterort', at: NOW, sla: defaultSlaPolicy });
    await fx.caughtUp();
    expect(await fx.queries.caseWork('w-t', 'boj-vasterort', now)).toMatchObject({
      reachAttempts: { dueAt: '2025-06-24T10:00:00.000Z' },
      nextAttempt: { from: NOW, to: '2025-06-13T10:00:00.000Z', evening: false },
    });
  });
});
