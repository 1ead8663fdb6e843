import { calendarDateOf, daysBetween, shiftDate } from '@referral/case';
import type { SimulationConfig } from '../simulation-config';
import { FAMILY_NAMES, GIVEN_NAMES } from './fictional-names';
import { JOURS } from './places';
import type { Actor, PartyOrg, PlannedStep } from './plan-types';
import type { Random } from './random';


export interface RosterVolunteer {
  readonly key: string;
  readonly org: PartyOrg;
  readonly userId: string;
  readonly activeFrom: string;
  readonly activeUntil: string | null;
}

export interface PeriodFrame {
  readonly from: string;
  readonly to: string;
  readonly days: readonly string[];
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * Each jour's support persons: a roster brought over from an earlier system (active since before
 * the period), others joining during it, some leaving. Leaving is recorded at the end of the run,
 * since the service assigns only volunteers active today.
 */
export class VolunteerRoster {
  readonly volunteers: RosterVolunteer[] = [];
  readonly steps: PlannedStep[] = [];

  constructor(random: Random, config: SimulationConfig, period: PeriodFrame, runTag: string) {
    const { perJour, rosterShare, leaveShare } = config.volunteers;
    for (const org of JOURS) {
      const count = random.int(perJour.from, perJour.to);
      for (let n = 1; n <= count; n += 1) {
        const key = `${org}/v${n}`;
        const fromRoster = random.chance(rosterShare);
        const joinDay = fromRoster ? 0 : random.int(0, period.days.length - 1);
        const activeFrom = fromRoster ? shiftDate(period.from, -random.int(30, 2000)) : period.days[joinDay]!;
        const firstDayInPeriod = activeFrom < period.from ? period.from : activeFrom;
        const canLeave = shiftDate(firstDayInPeriod, 14) <= period.to && random.chance(leaveShare);
        const activeUntil = canLeave ? pickDateBetween(random, shiftDate(firstDayInPeriod, 14), period.to) : null;
        const gender = random.weighted({ female: 0.7, male: 0.28, other: 0.02 });
        const given = random.pick(gender === 'female' ? GIVEN_NAMES.female : gender === 'male' ? GIVEN_NAMES.male : GIVEN_NAMES.neutral);
        const volunteer = { key, org, userId: `sim-${runTag}-${org}-v${n}`, activeFrom, activeUntil };
        this.volunteers.push(volunteer);
        this.steps.push({
          kind: 'register-volunteer', lane: 'volunteers', day: joinDay, atMs: fromRoster ? period.startMs : period.startMs + joinDay * 86_400_000,
          volunteerKey: key, org,
          body: { displayName: `${given} ${random.pick(FAMILY_NAMES).charAt(0)}.`, gender, activeFrom, userId: volunteer.userId },
        });
        if (activeUntil) {
          this.steps.push({
            kind: 'deactivate-volunteer', lane: 'volunteers', day: period.days.length - 1, atMs: period.endMs,
            volunteerKey: key, org, body: { activeUntil },
          });
        }
      }
    }
  }

  /** A volunteer of `org` active on `date`, or null when it has none. */
  pickActive(random: Random, org: PartyOrg, date: string): RosterVolunteer | null {
    const active = this.volunteers.filter(
      (v) => v.org === org && v.activeFrom <= date && (v.activeUntil === null || v.activeUntil >= date),
    );
    return active.length > 0 ? random.pick(active) : null;
  }
}

export const volunteerActor = (volunteer: RosterVolunteer): Actor => ({ org: volunteer.org, roles: ['volunteer'], sub: volunteer.userId });
export const coordinatorOf = (org: PartyOrg | 'city'): Actor => ({ org, roles: ['coordinator'], sub: `samordnare@${org}` });

function pickDateBetween(random: Random, from: string, to: string): string {
  const span = daysBetween(calendarDateOf(from), calendarDateOf(to));
  return shiftDate(from, random.int(0, Math.max(0, span)));
}
