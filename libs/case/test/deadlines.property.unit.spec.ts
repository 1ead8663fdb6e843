import fc from 'fast-check';
import { caseDecider } from '../src/case/case-decider';
import type { CaseCommand } from '../src/case/case-commands';
import type { CaseEvent } from '../src/case/case-events';
import type { ContactChannel, ContactOutcome } from '../src/case/contact';
import { CASE_ID, checkDeadlines, closeCase, receiveHandover, recordContact } from '../testing/case-fixtures';
import { Action, Oracle, localOf, plusLocalDays } from './support/deadline-oracle';

const SEED = { seed: 42, numRuns: 400 };
const DAY = 86_400_000;
// Receipt between 06:00 and 22:00 Stockholm time, around both DST changes and in between, so
// that no due time falls in a skipped or repeated local hour.
const RECEIPT_MORNINGS = ['2025-03-27T05:00:00.000Z', '2025-06-02T04:00:00.000Z', '2025-10-23T04:00:00.000Z', '2025-12-20T05:00:00.000Z'];

const channel = fc.constantFrom<ContactChannel>('phone', 'phone', 'phone', 'sms', 'meeting', 'other-actor');
const outcome = fc.constantFrom<ContactOutcome>('no-answer', 'no-answer', 'voicemail', 'reached');
const anchor = fc.record({ rule: fc.constantFrom(0, 1), delta: fc.constantFrom(-1, 0, 1) });
const moment = fc.oneof(fc.integer({ min: 0, max: 4 * DAY }).map((gap) => ({ gap })), anchor);
const action = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('check' as const), when: moment }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('contact' as const), when: moment, channel, outcome,
      at: fc.oneof(fc.integer({ min: 0, max: 6 * DAY }).map((lag) => ({ lag })), anchor),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('close' as const), when: moment,
      at: fc.oneof(fc.integer({ min: 0, max: 6 * DAY }).map((lag) => ({ lag })), anchor),
    }),
  },
);
const scenario = fc.record({
  morning: fc.constantFrom(...RECEIPT_MORNINGS),
  offset: fc.integer({ min: 0, max: 16 * 3_600_000 }),
  actions: fc.array(action, { maxLength: 25 }),
});

const iso = (ms: number) => new Date(ms).toISOString();

describe('deadline checks, property (seed 42)', () => {
  it('random histories: at most one breach per rule, and exactly the oracle\'s breaches and retractions', () =>
    fc.assert(
      fc.property(scenario, ({ morning, offset, actions }) => {
        const received = Date.parse(morning) + offset;
        // The oracle's due times, computed apart from the library.
        const due = [plusLocalDays(received, 3), plusLocalDays(received, 14)] as const;
        expect(localOf(due[0]).slice(11)).toBe(localOf(received).slice(11));
        const oracle = new Oracle(received, due);
        let state = caseDecider.initialState;
        const history: CaseEvent[] = [];
        const run = (command: CaseCommand) => {
          const answer = caseDecider.decide(command, state);
          if (answer.ok) for (const event of answer.events) { history.push(event); state = caseDecider.evolve(state, event); }
          return answer;
        };
        run(receiveHandover({ handedOverAt: iso(received) }, { now: iso(received) }));

        let clock = received;
        const resolve = (when: Action['when']) =>
          'gap' in when ? clock + when.gap : Math.max(clock, due[when.rule]! + when.delta);
        const momentBefore = (now: number, at: { lag: number } | { rule: number; delta: number }) => {
          const ms = 'lag' in at ? now - at.lag : due[at.rule]! + at.delta;
          return ms > now ? now : Math.max(ms, received);
        };
        for (const step of [...actions, { kind: 'check' as const, when: { gap: 30 * DAY } }]) {
          clock = resolve(step.when);
          const now = iso(clock);
          if (step.kind === 'check') {
            expect(run(checkDeadlines(now)).ok).toBe(true);
            oracle.check(clock);
          } else if (step.kind === 'contact') {
            const at = momentBefore(clock, step.at);
            const sent = ['meeting', 'accompaniment'].includes(step.channel) ? 'reached' : step.outcome;
            expect(run(recordContact({ at: iso(at), now, channel: step.channel, outcome: sent })).ok).toBe(
              oracle.contact({ at, channel: step.channel, outcome: sent }, clock),
            );
          } else {
            const at = momentBefore(clock, step.at);
            expect(run(closeCase({ at: iso(at), now, reason: 'support-given' })).ok).toBe(oracle.close(at));
          }
        }

        const deadlineEvents = history.filter((e) => e.type !== 'CaseReceived' && e.type !== 'ContactRecorded' && e.type !== 'CaseClosed');
        expect(deadlineEvents.filter((e) => e.type === 'FirstContactDeadlineMissed').length).toBeLessThanOrEqual(1);
        expect(deadlineEvents.filter((e) => e.type === 'ReachAttemptsDeadlineMissed').length).toBeLessThanOrEqual(1);
        expect(deadlineEvents.map(describeEvent)).toEqual(oracle.events);
        for (const e of deadlineEvents) expect(e.data.caseId).toBe(CASE_ID);
      }),
      SEED,
    ));
});

function describeEvent(event: CaseEvent): string {
  switch (event.type) {
    case 'FirstContactDeadlineMissed':
      return `missed first-contact at ${event.data.at} due ${event.data.dueAt} detected ${event.data.detectedAt}`;
    case 'ReachAttemptsDeadlineMissed': {
      const d = event.data;
      return `missed reach-attempts at ${d.at} due ${d.dueAt} detected ${d.detectedAt} ${d.phoneAttempts}/${d.eveningAttempts}`;
    }
    case 'DeadlineBreachRetracted':
      return `retracted ${event.data.rule} due ${event.data.dueAt} at ${event.data.at} met ${event.data.metAt}`;
    default:
      return event.type;
  }
}
