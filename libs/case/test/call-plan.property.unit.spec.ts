import fc from 'fast-check';
import type { ContactFact } from '../src/case/case-state';
import { isInEveningWindow } from '../src/case/evening-window';
import { assessReachAttempts } from '../src/case/reach-attempts';
import { defaultSlaPolicy } from '../src/config/default-policies';
import { planCalls, type AttemptWindow, type CallPlanInput } from '../src/planning/call-plan';

const SEED = { seed: 42, numRuns: 500 };
const HOUR = 3_600_000;
const terms = defaultSlaPolicy.byOrg['boj-vasterort'];
// Around both daylight-saving changes of 2025 (30 March, 26 October) and in between.
const ANCHORS = ['2025-03-28T12:00:00Z', '2025-06-02T12:00:00Z', '2025-10-24T12:00:00Z', '2025-12-20T12:00:00Z'].map(Date.parse);
// Midday before each change night: received in the day around it, planned within a day.
const DST_EVES = ['2025-03-27T12:00:00Z', '2025-10-24T12:00:00Z'].map(Date.parse);

/** Stockholm wall-clock minute of the day, read with Intl apart from the library's helpers. */
const stockholmMinute = (ms: number): number => {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(ms));
  const value = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return value('hour') * 60 + value('minute');
};
const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const safeHours = fc.option(
  fc.tuple(fc.integer({ min: 0, max: 1438 }), fc.integer({ min: 1, max: 600 })).map(([from, length]) => ({
    from: hhmm(from), to: hhmm(Math.min(1439, from + length)),
  })),
  { nil: null },
);
const phoneCall = (received: number) =>
  fc.integer({ min: 0, max: 6 * 24 * 60 }).map((minutes): ContactFact => {
    const at = received + minutes * 60_000;
    return { channel: 'phone', outcome: 'no-answer', at: new Date(at).toISOString(), towardsPerson: true, reached: false, inEveningWindow: isInEveningWindow(at, terms) };
  });
// Night-time safe hours a day or two before a change, so that windows fall in skipped or repeated hours.
const nightSafeHours = fc.tuple(fc.integer({ min: 60, max: 200 }), fc.integer({ min: 10, max: 180 }))
  .map(([from, length]) => ({ from: hhmm(from), to: hhmm(from + length) }));
const scenarioFrom = (anchors: number[], spreadMinutes: number, hours: fc.Arbitrary<CallPlanInput['safeHours']>, nowMax: number) => fc
  .record({ anchor: fc.constantFrom(...anchors), shift: fc.integer({ min: -spreadMinutes, max: spreadMinutes }) })
  .map(({ anchor, shift }) => anchor + shift * 60_000)
  .chain((received) =>
    fc.record({
      received: fc.constant(received),
      calls: fc.array(phoneCall(received), { maxLength: 4 }),
      nowAfter: fc.integer({ min: 0, max: nowMax }),
      safeHours: hours,
      minHours: fc.constantFrom(0, 1, 2, 4),
    }),
  );
const scenario = fc.oneof(
  { weight: 3, arbitrary: scenarioFrom(ANCHORS, 3 * 24 * 60, safeHours, 8 * 24 * 60) },
  { weight: 1, arbitrary: scenarioFrom(DST_EVES, 24 * 60, nightSafeHours, 24 * 60) },
);

interface Scenario { received: number; calls: ContactFact[]; nowAfter: number; safeHours: CallPlanInput['safeHours']; minHours: number }

const inputOf = (s: Scenario): CallPlanInput => {
  const lastCall = Math.max(s.received, ...s.calls.map((c) => Date.parse(c.at)));
  return {
    status: 'open', terms, clockStartedAt: new Date(s.received).toISOString(), contacts: s.calls, safeHours: s.safeHours,
    minHoursBetweenAttempts: s.minHours, now: new Date(lastCall + s.nowAfter * 60_000).toISOString(),
  };
};

/** Instants in the window to check: its ends and every 10 minutes between. */
const samples = (window: AttemptWindow): number[] => {
  const [from, to] = [Date.parse(window.from), Date.parse(window.to)];
  const points = [from, to - 1];
  for (let t = from; t < to && points.length < 500; t += 10 * 60_000) points.push(t);
  return points;
};

describe('planCalls properties (fast-check, seed 42)', () => {
  it('a window is never in the past, starts before it ends, and keeps the pause after the last attempt', () =>
    fc.assert(fc.property(scenario, (s) => {
      const input = inputOf(s);
      const window = planCalls(input).nextAttempt!;
      expect(window).not.toBeNull();
      const [from, to, now] = [Date.parse(window.from), Date.parse(window.to), Date.parse(input.now)];
      expect(from).toBeGreaterThanOrEqual(now);
      expect(to).toBeGreaterThan(from);
      for (const call of s.calls) expect(from).toBeGreaterThanOrEqual(Date.parse(call.at) + s.minHours * HOUR);
    }), SEED));

  it('every moment of a window is inside the safe hours, and inside the evening window when it is an evening one', () =>
    fc.assert(fc.property(scenario, (s) => {
      const window = planCalls(inputOf(s)).nextAttempt!;
      for (const t of samples(window)) {
        const minute = stockholmMinute(t);
        if (s.safeHours) {
          expect(minute).toBeGreaterThanOrEqual(minuteOf(s.safeHours.from));
          expect(minute).toBeLessThan(minuteOf(s.safeHours.to));
        }
        if (window.evening) {
          expect(minute).toBeGreaterThanOrEqual(minuteOf(terms.eveningWindow.from));
          expect(minute).toBeLessThan(minuteOf(terms.eveningWindow.to));
        }
      }
    }), SEED));

  it('evening is set exactly when every attempt still required must be an evening one (and the safe hours allow one)', () =>
    fc.assert(fc.property(scenario, (s) => {
      const { phoneAttempts, eveningAttempts } = assessReachAttempts(s.calls, terms);
      const stillPhone = Math.max(0, terms.phoneAttemptsRequired - phoneAttempts);
      const stillEvening = Math.max(0, terms.eveningAttemptsRequired - eveningAttempts);
      const eveningSafe = !s.safeHours || (s.safeHours.from < terms.eveningWindow.to && s.safeHours.to > terms.eveningWindow.from);
      expect(planCalls(inputOf(s)).nextAttempt!.evening).toBe(stillEvening > 0 && stillEvening >= stillPhone && eveningSafe);
    }), SEED));

  it('following the plan (a call at the start of each window) meets the reach-attempt rule at closing time, in as few calls as it can', () =>
    fc.assert(fc.property(scenario, (s) => {
      fc.pre(!s.safeHours || (s.safeHours.from < terms.eveningWindow.to && s.safeHours.to > terms.eveningWindow.from));
      let input = inputOf(s);
      const before = assessReachAttempts(s.calls, terms);
      const needed = Math.max(terms.phoneAttemptsRequired - before.phoneAttempts, terms.eveningAttemptsRequired - before.eveningAttempts, 0);
      for (let call = 0; call < needed; call++) {
        const window = planCalls(input).nextAttempt!;
        const at = Date.parse(window.from);
        const made: ContactFact = { channel: 'phone', outcome: 'no-answer', at: window.from, towardsPerson: true, reached: false, inEveningWindow: isInEveningWindow(at, terms) };
        input = { ...input, contacts: [...input.contacts, made], now: window.from };
      }
      expect(planCalls(input).reachAttempts.met).toBe(true);
    }), SEED));
});
