import { checkPeriod, InvalidSimulationError, plan } from '../../apps/cli/simulate';
import { ageOn } from '../../apps/cli/simulate/plan/stockholm-clock';

const YEAR = plan({ from: '2023-04-01', to: '2024-03-31', seed: 11, scale: 0.25 });
const hourOf = (iso: string) => Number(iso.slice(11, 13));

describe('the simulation plan', () => {
  it('is the same for the same seed and differs for another', () => {
    const month = { from: '2023-10-01', to: '2023-10-31', seed: 3, scale: 0.5 };
    expect(plan(month)).toEqual(plan(month));
    expect(plan({ ...month, seed: 4 }).steps).not.toEqual(plan(month).steps);
  });

  it('keeps every step inside the period, in time order', () => {
    const first = Date.parse('2023-04-01T00:00:00+02:00');
    const last = Date.parse('2024-04-01T00:00:00+02:00');
    YEAR.steps.forEach((step, i) => {
      expect(step.atMs).toBeGreaterThanOrEqual(first);
      expect(step.atMs).toBeLessThan(last);
      if (i > 0) expect(step.atMs).toBeGreaterThanOrEqual(YEAR.steps[i - 1]!.atMs);
    });
  });

  it('hands over people whose age matches where the plan expects them to go', () => {
    for (const step of YEAR.steps) {
      if (step.kind !== 'handover' || step.expected === 'triage') continue;
      const person = step.body.person as { birthDate?: string; personalIdentityNumber?: string };
      const birth = person.birthDate ?? `${person.personalIdentityNumber!.slice(0, 4)}-${person.personalIdentityNumber!.slice(4, 6)}-${person.personalIdentityNumber!.slice(6, 8)}`;
      const age = ageOn((step.body.victimBirthDate as string | undefined) ?? birth, (step.body.handedOverAt as string).slice(0, 10));
      if (step.expected === 'stodcentrum') expect(age).toBeLessThan(21);
      else if (step.expected === 'refused') expect(age).toBeLessThan(15);
      else expect(age).toBeGreaterThanOrEqual(21);
    }
  });

  it('closes as unreachable only after three phone attempts with one in the evening, or with an override', () => {
    const attempts = new Map<string, { phone: number; evening: number }>();
    let closedUnreachable = 0;
    for (const step of YEAR.steps) {
      if (step.kind === 'contact' && step.body.channel === 'phone') {
        const seen = attempts.get(step.caseKey) ?? { phone: 0, evening: 0 };
        attempts.set(step.caseKey, { phone: seen.phone + 1, evening: seen.evening + (step.evening ? 1 : 0) });
      }
      if (step.kind === 'close' && step.body.reason === 'unreachable') {
        closedUnreachable += 1;
        const seen = attempts.get(step.caseKey) ?? { phone: 0, evening: 0 };
        if (!step.body.override) expect(seen.phone >= 3 && seen.evening >= 1).toBe(true);
        else expect(step.actor.roles).toContain('coordinator');
      }
    }
    expect(closedUnreachable).toBeGreaterThan(0);
  });

  it('has the mixes of a real year: evening calls, late first calls, old district names, other genders, links both ways', () => {
    const contacts = YEAR.steps.filter((s) => s.kind === 'contact');
    expect(contacts.filter((s) => s.kind === 'contact' && s.evening).length).toBeGreaterThan(contacts.length * 0.1);
    const calls = contacts.filter((s) => s.kind === 'contact' && s.body.channel === 'phone');
    expect(calls.every((s) => s.kind === 'contact' && hourOf(s.body.at) >= 8 && hourOf(s.body.at) < 21)).toBe(true);
    const receivedAt = new Map(YEAR.steps.flatMap((s) => (s.kind === 'handover' ? [[s.caseKey, s.atMs] as const] : [])));
    const firstContact = new Map<string, number>();
    for (const s of contacts) if (s.kind === 'contact' && !firstContact.has(s.caseKey)) firstContact.set(s.caseKey, s.atMs);
    const late = [...firstContact].filter(([key, at]) => receivedAt.has(key) && at - receivedAt.get(key)! > 3 * 86_400_000);
    expect(late.length).toBeGreaterThan(firstContact.size * 0.05);
    const handovers = YEAR.steps.filter((s) => s.kind === 'handover').map((s) => JSON.stringify(s.kind === 'handover' && s.body));
    expect(handovers.some((h) => h.includes('Rinkeby-Kista') || h.includes('Spånga-Tensta') || h.includes('Östermalm'))).toBe(true);
    expect(handovers.some((h) => h.includes('"genderLabel"'))).toBe(true);
    const links = YEAR.steps.filter((s) => s.kind === 'link').map((s) => s.kind === 'link' && s.body.to);
    expect(links).toContain('stodcentrum');
    expect(links.some((to) => to !== 'stodcentrum')).toBe(true);
  });

  it('holds the jours\' training sessions of a year (2 basic, 35 further), whatever the scale, for volunteers registered by then', () => {
    for (const year of [YEAR, plan({ from: '2023-04-01', to: '2024-03-31', seed: 11, scale: 0.05 })]) {
      const sessions = year.steps.filter((step) => step.kind === 'record-training');
      expect(sessions.filter((s) => s.body.kind === 'basic')).toHaveLength(2);
      expect(sessions.filter((s) => s.body.kind === 'further')).toHaveLength(35);
      const registeredOn = new Map(year.steps.flatMap((step) => (step.kind === 'register-volunteer' ? [[step.volunteerKey, step]] : [])));
      for (const session of sessions) {
        expect(session.org).not.toBe('stodcentrum');
        expect(session.body.on).toBe(year.days[session.day]);
        expect(session.participantKeys.length).toBeGreaterThan(0);
        for (const key of session.participantKeys) {
          const registration = registeredOn.get(key)!;
          expect(registration.org).toBe(session.org);
          expect(registration.day).toBeLessThanOrEqual(session.day);
          expect(String(registration.body.activeFrom) <= session.body.on).toBe(true);
        }
      }
      expect(new Set(sessions.map((s) => s.org)).size).toBe(3);
    }
  });

  it('refuses a period that is not over', () => {
    const now = new Date('2025-06-02T10:00:00+02:00');
    expect(() => checkPeriod('2025-05-01', '2025-06-02', now)).toThrow(InvalidSimulationError);
    expect(() => checkPeriod('2025-05-01', '2025-06-01', now)).not.toThrow();
  });
});
