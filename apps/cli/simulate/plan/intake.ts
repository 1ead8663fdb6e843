import { shiftDate } from '@referral/case';
import type { SimulationConfig } from '../simulation-config';
import type { ArrivalCalendar } from './calendar';
import type { CaseAtWork } from './case-work';
import type { People, PlannedPerson } from './people';
import { JOURS, type Area, type Places } from './places';
import type { Actor, PartyOrg, PlannedStep } from './plan-types';
import type { Random } from './random';
import { HOUR_MS, stockholmDateOf, stockholmIso } from './stockholm-clock';
import { coordinatorOf } from './volunteer-roster';

type CategoryMix = Record<string, number>;

/** One arriving case: the step that brings it in, and the work that follows (none for a refusal). */
export interface PlannedIntake {
  readonly step: Omit<Extract<PlannedStep, { kind: 'handover' }>, 'day'> | Omit<Extract<PlannedStep, { kind: 'register-case' }>, 'day'>;
  readonly triage?: { routeTo: PartyOrg; resolvedAtMs: number };
  readonly work?: CaseAtWork;
}

/** The cases that arrive: Police handovers (routed, triaged or refused) and cases the parties register themselves. */
export class IntakePlanner {
  private handovers = 0;

  constructor(
    private readonly random: Random,
    private readonly config: SimulationConfig,
    private readonly calendar: ArrivalCalendar,
    private readonly people: People,
    private readonly places: Places,
    private readonly runTag: string,
  ) {}

  /** A handover the Police send for a case that routes to `org`. */
  routedHandover(key: string, org: PartyOrg): PlannedIntake {
    const atMs = this.calendar.moment(this.config.calendar.handoverHourWeights);
    const on = stockholmDateOf(atMs);
    if (org === 'stodcentrum') {
      const victimAge = this.youthAge();
      const relative = this.random.chance(this.config.people.roles.relative);
      const planned = relative ? this.people.relativeOf(victimAge, on) : this.people.person({ age: victimAge, on, role: this.victimOrWitness() });
      const area = this.places.inCity();
      return this.handover(key, atMs, org, planned, area, { subject: true, ...(victimAge < 15 ? { guardian: true } : {}) }, { relative });
    }
    const planned = this.people.person({ age: this.adultAge(), on, role: this.victimOrWitness() });
    return this.handover(key, atMs, org, planned, this.places.inJour(org as (typeof JOURS)[number]), { subject: true });
  }

  /** A child under 15 handed over without the guardian's consent: refused, nothing stored. */
  refusedHandover(key: string): PlannedIntake {
    const atMs = this.calendar.moment(this.config.calendar.handoverHourWeights);
    const planned = this.people.person({ age: this.random.int(10, 14), on: stockholmDateOf(atMs), role: 'victim' });
    const consent = this.random.chance(0.5) ? { subject: true, guardian: false } : { subject: true };
    return this.handover(key, atMs, 'refused', planned, this.places.inCity(), consent);
  }

  /** An adult from an area no jour covers, or someone whose age the Police did not give: a `city` coordinator routes it. */
  triagedHandover(key: string): PlannedIntake {
    const atMs = this.calendar.moment(this.config.calendar.handoverHourWeights);
    const on = stockholmDateOf(atMs);
    const unknownAge = this.random.chance(this.config.intake.triageUnknownAgeShare);
    const jour = this.random.pick(JOURS);
    const area = unknownAge ? this.places.inJour(jour) : this.places.uncovered();
    const routeTo = unknownAge ? jour : ((this.config.intake.triageRouteByMunicipality as Record<string, PartyOrg>)[area.municipality] ?? jour);
    const planned = this.people.person({ age: this.adultAge(), on, role: 'victim', ageKnown: !unknownAge });
    const { from, to } = this.config.work.triageResolvedWithinHours;
    const resolvedAtMs = atMs + this.random.between(from, to) * HOUR_MS;
    const intake = this.handover(key, atMs, 'triage', planned, area, { subject: true });
    return { ...intake, triage: { routeTo, resolvedAtMs }, work: { ...intake.work!, org: routeTo, startMs: resolvedAtMs } };
  }

  /** A case the party registers itself: the person turned to it, or another actor did. */
  registered(key: string, org: PartyOrg): PlannedIntake {
    const atMs = this.calendar.moment(this.config.calendar.registrationHourWeights);
    const on = stockholmDateOf(atMs);
    const source = this.random.weighted({ 'self-referral': this.config.sources['self-referral'], 'other-actor': this.config.sources['other-actor'] });
    const jour = org !== 'stodcentrum';
    const unusualAge = this.random.chance(jour ? this.config.links.jourUnder21ShareOfRegistered : this.config.links.stodcentrumAdultShareOfRegistered);
    const age = jour ? (unusualAge ? this.random.int(16, 20) : this.adultAge()) : unusualAge ? this.random.int(21, 25) : this.youthAge();
    const planned = this.people.person({ age, on, role: this.victimOrWitness() });
    const area = jour ? this.places.inJour(org as (typeof JOURS)[number]) : this.places.inCity();
    const actor: Actor = jour ? coordinatorOf(org) : { org, roles: ['staff'], sub: 'socialsekreterare-1@stodcentrum' };
    const body = { source, receivedAt: stockholmIso(atMs), crime: this.crime(org, on), person: planned.person, area };
    return {
      step: { kind: 'register-case', lane: key, caseKey: key, atMs, actor, body },
      work: { key, lane: key, org, startMs: atMs, age: planned.age, relative: false, area },
    };
  }

  private handover(
    key: string,
    atMs: number,
    expected: PartyOrg | 'triage' | 'refused',
    planned: PlannedPerson,
    area: Area,
    consent: { subject: boolean; guardian?: boolean },
    options: { relative?: boolean } = {},
  ): PlannedIntake {
    this.handovers += 1;
    const on = stockholmDateOf(atMs);
    const body = {
      handoverId: `sim-${this.runTag}-h${this.handovers}`,
      policeReportNumber: `5000-K${this.random.int(100000, 999999)}-${on.slice(2, 4)}`,
      handedOverAt: stockholmIso(atMs),
      crime: this.crime(expected === 'stodcentrum' || expected === 'refused' ? 'stodcentrum' : 'jour', on),
      person: planned.person,
      ...(planned.victimBirthDate ? { victimBirthDate: planned.victimBirthDate } : {}),
      area,
      consent,
    };
    const work: CaseAtWork | undefined =
      expected === 'refused' ? undefined : { key, lane: key, org: expected === 'triage' ? 'stodcentrum' : expected, startMs: atMs, age: planned.age, relative: options.relative === true, area };
    return { step: { kind: 'handover', lane: key, caseKey: key, atMs, body, expected }, work };
  }

  private crime(mix: PartyOrg | 'jour', on: string): Record<string, unknown> {
    const categories: CategoryMix = mix === 'stodcentrum' ? this.config.crimes.stodcentrum : this.config.crimes.jour;
    const flags = Object.entries(this.config.crimes.flags as Record<string, number>)
      .filter(([, share]) => this.random.chance(share))
      .map(([flag]) => flag);
    return {
      category: this.random.weighted(categories),
      occurredOn: shiftDate(on, -this.random.int(0, 20)),
      ...(flags.length > 0 ? { flags } : {}),
    };
  }

  private victimOrWitness(): 'victim' | 'witness' {
    const { victim, witness } = this.config.people.roles;
    return this.random.weighted({ victim, witness });
  }

  private youthAge(): number {
    return Number(this.random.weighted(this.config.people.stodcentrumAges as Record<string, number>));
  }

  private adultAge(): number {
    const bands = this.config.people.jourAgeBands;
    const band = bands[this.random.weightedIndex(bands.map((b) => b.weight))]!;
    return this.random.int(band.from, band.to);
  }
}
