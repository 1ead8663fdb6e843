import { asTimer, delayMs, fireAtMs, timerJobId, type DeadlineTimer } from '../src';

const due = '2025-03-30T01:00:00.000Z';
const firstContact: DeadlineTimer = { caseId: 'c-1', kind: 'first-contact', dueAt: due };

describe('timer arithmetic', () => {
  it('fires a missed-deadline check one millisecond after the due instant', () => {
    expect(fireAtMs(firstContact)).toBe(Date.parse(due) + 1);
    expect(fireAtMs({ ...firstContact, kind: 'reach-attempts' })).toBe(Date.parse(due) + 1);
  });

  it('fires a triage-wait check one millisecond after the line (the case has then waited more than the hours)', () => {
    const wait: DeadlineTimer = { ...firstContact, kind: 'triage-wait' };
    expect(fireAtMs(wait)).toBe(Date.parse(due) + 1);
    expect(timerJobId(wait)).toBe(`triage-wait.c-1.${Date.parse(due)}`);
    expect(asTimer({ ...wait })).toEqual(wait);
  });

  it('fires at-risk at its instant', () => {
    expect(fireAtMs({ ...firstContact, kind: 'at-risk' })).toBe(Date.parse(due));
  });

  it('computes the delay from the injected now, and 0 once past', () => {
    expect(delayMs(firstContact, new Date(Date.parse(due) - 1000))).toBe(1001);
    expect(delayMs(firstContact, new Date(due))).toBe(1);
    expect(delayMs(firstContact, new Date(Date.parse(due) + 1))).toBe(0);
    expect(delayMs(firstContact, new Date(Date.parse(due) + 86_400_000))).toBe(0);
  });

  it('derives the same BullMQ-safe job id from the same timer, whatever the ISO spelling', () => {
    const id = timerJobId(firstContact);
    expect(id).toBe(`first-contact.c-1.${Date.parse(due)}`);
    expect(timerJobId({ ...firstContact, dueAt: '2025-03-30T03:00:00+02:00' })).toBe(id);
    expect(id).not.toContain(':');
    expect(timerJobId({ ...firstContact, kind: 'at-risk' })).not.toBe(id);
  });

  it('rejects what cannot make a job id', () => {
    expect(() => timerJobId({ ...firstContact, caseId: 'a:b' })).toThrow(RangeError);
    expect(() => timerJobId({ ...firstContact, dueAt: 'tomorrow' })).toThrow(RangeError);
    expect(() => timerJobId({ ...firstContact, kind: 'other' as never })).toThrow(RangeError);
  });

  it('reads a timer back from job data and nothing else', () => {
    expect(asTimer({ ...firstContact, extra: 1 })).toEqual(firstContact);
    expect(() => asTimer({ caseId: 'c-1', kind: 'first-contact' })).toThrow(TypeError);
    expect(() => asTimer(null)).toThrow(TypeError);
  });

  it('reads back the correlation and causation ids of the event that armed it, when they look like ids', () => {
    const traced = { ...firstContact, correlationId: 'req-42', causationId: '0b6f3c1e-5d1a-4c8e-9a7e-2f0a1b2c3d4e' };
    expect(asTimer({ ...traced, fireAtWallMs: 1 })).toEqual(traced);
    expect(asTimer({ ...firstContact, correlationId: 'Anna Svensson', causationId: 7 })).toEqual(firstContact);
    expect(timerJobId(traced)).toBe(timerJobId(firstContact));
  });
});
