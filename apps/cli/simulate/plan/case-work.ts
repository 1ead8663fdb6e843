import { calendarDateOf, shiftDate } from '@referral/case';
import type { SimulationConfig } from '../simulation-config';
import { JOURS, jourCovering, type Area } from './places';
import type { Actor, ClosureBody, ContactBody, PartyOrg, PlannedStep } from './plan-types';
import type { Random } from './random';
import { HOUR_MS, DAY_MS, stockholmDateOf, stockholmInstant, stockholmIso } from './stockholm-clock';
import { coordinatorOf, volunteerActor, type VolunteerRoster } from './volunteer-roster';

/** A case as the party that holds it starts working it. */
export interface CaseAtWork {
  readonly key: string;
  readonly lane: string;
  readonly org: PartyOrg;
  /** When work may start: receipt, a triage resolution, or the link that opened it. */
  readonly startMs: number;
  /** The support seeker's age, when known. */
  readonly age: number | null;
  readonly relative: boolean;
  readonly area: Area;
}

export type StepSink = (step: DistributiveOmit<PlannedStep, 'day'>) => void;
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

type Timed = { atMs: number; body: ContactBody; evening: boolean };

const UNREACHABLE_OVERRIDE = 'Numret går inte till personen och ingen annan kontaktväg finns';

/**
 * The life of a case after intake, as the people at the party live it: assignment, calls at the
 * hours people call (some in the evening, some late), meetings, accompaniment, contacts with other
 * actors, a link to the other party with the person's consent, and a closure whose reason the
 * history supports.
 */
export class CaseWorkPlanner {
  constructor(
    private readonly random: Random,
    private readonly config: SimulationConfig,
    private readonly roster: VolunteerRoster,
    private readonly emit: StepSink,
  ) {}

  plan(work: CaseAtWork): void {
    const { random, config } = this;
    const worker = this.workerFor(work);
    const base = { lane: work.lane, caseKey: work.key };
    if (random.chance(config.work.duplicateShare)) {
      this.close(work, coordinatorOf(work.org), work.startMs + random.between(1, 24) * HOUR_MS, 'duplicate');
      return;
    }
    if (random.chance(config.work.noAttemptShare)) return;

    const late = random.chance(config.work.lateFirstAttemptShare);
    const delay = late ? config.work.lateFirstAttemptHours : config.work.firstAttemptWithinHours;
    let cursor = work.startMs + random.between(delay.from, delay.to) * HOUR_MS;
    const attemptsBeforeGivingUp = random.chance(config.work.gaveUpBeforeRuleShare) ? random.int(1, 2) : random.chance(0.3) ? 4 : 3;
    let attempts = 0;
    let evenings = 0;
    let reachedAt: number | null = null;
    while (attempts < attemptsBeforeGivingUp) {
      // The routine: the third attempt is in the evening if none was yet.
      const evening = random.chance(config.work.eveningAttemptShare) || (attempts === 2 && evenings === 0);
      const at = this.callMoment(cursor, evening);
      if (random.chance(config.work.reachedPerAttempt)) {
        this.contact(work, worker, at, { channel: 'phone', outcome: 'reached' });
        reachedAt = at;
        break;
      }
      this.contact(work, worker, at, { channel: 'phone', outcome: random.weighted({ 'no-answer': 0.6, voicemail: 0.35, 'wrong-number': 0.05 }) });
      attempts += 1;
      if (evening) evenings += 1;
      if (random.chance(config.work.smsAfterMissedCallShare)) {
        this.contact(work, worker, at + random.int(2, 30) * 60_000, { channel: 'sms', outcome: 'no-answer' });
      }
      cursor = at + random.between(config.work.hoursBetweenAttempts.from, config.work.hoursBetweenAttempts.to) * HOUR_MS;
    }
    if (reachedAt === null) {
      this.giveUp(work, worker, cursor, attempts >= 3 && evenings >= 1);
      return;
    }
    if (random.chance(config.work.declinedShare)) {
      this.close(work, worker, reachedAt + random.int(5, 120) * 60_000, 'declined');
      return;
    }
    const linkTo = this.linkTarget(work);
    if (linkTo) {
      this.link(work, worker, reachedAt + random.int(5, 40) * 60_000, linkTo);
      return;
    }
    this.support(work, worker, reachedAt);
  }

  private workerFor(work: CaseAtWork): Actor {
    if (work.org === 'stodcentrum') {
      return { org: 'stodcentrum', roles: ['staff'], sub: `socialsekreterare-${this.random.int(1, this.config.volunteers.stodcentrumStaff)}@stodcentrum` };
    }
    const volunteer = this.roster.pickActive(this.random, work.org, stockholmDateOf(work.startMs));
    if (!volunteer) return coordinatorOf(work.org);
    this.emit({
      kind: 'assign', lane: work.lane, caseKey: work.key, actor: coordinatorOf(work.org), volunteerKey: volunteer.key,
      atMs: work.startMs + this.random.between(0.1, 0.9) * HOUR_MS,
    });
    return volunteerActor(volunteer);
  }

  /** Unreached: closed as unreachable when the attempts rule holds, else by a coordinator's override, or left open. */
  private giveUp(work: CaseAtWork, worker: Actor, afterMs: number, ruleMet: boolean): void {
    const { random, config } = this;
    const at = afterMs + random.between(1, 7) * DAY_MS;
    if (ruleMet) {
      if (!random.chance(config.work.keptOpenShare)) this.close(work, worker, at, 'unreachable');
    } else if (random.chance(config.work.unreachableOverrideShare)) {
      this.close(work, coordinatorOf(work.org), at, 'unreachable', { reason: UNREACHABLE_OVERRIDE });
    }
  }

  /** A jour links someone under 21 to Stödcentrum; Stödcentrum links adults (and some relatives) to their jour. */
  private linkTarget(work: CaseAtWork): PartyOrg | null {
    const { random, config } = this;
    if (work.age === null) return null;
    if (work.org !== 'stodcentrum') return work.age < 21 && random.chance(config.links.jourLinksUnder21) ? 'stodcentrum' : null;
    if (work.age < 21) return null;
    const share = work.relative ? config.links.stodcentrumLinksRelatives : config.links.stodcentrumLinksAdults;
    return random.chance(share) ? jourCovering(work.area) ?? random.pick(JOURS) : null;
  }

  private link(work: CaseAtWork, worker: Actor, atMs: number, to: PartyOrg): void {
    const linkedKey = `${work.key}>${to}`;
    this.emit({
      kind: 'link', lane: work.lane, caseKey: work.key, linkedCaseKey: linkedKey, actor: worker, atMs,
      body: { to, consent: true, at: stockholmIso(atMs), note: 'Personen samtycker till att kontaktuppgifterna lämnas vidare.' },
    });
    this.close(work, worker, atMs + this.random.int(10, 120) * 60_000, 'linked');
    this.plan({ ...work, key: linkedKey, org: to, startMs: atMs });
  }

  /** Reached: follow-up calls and messages, maybe a meeting, an accompaniment, contacts with other actors; then closed. */
  private support(work: CaseAtWork, worker: Actor, reachedAt: number): void {
    const { random, config } = this;
    const endMs = reachedAt + random.between(config.work.closedWithinDays.from, config.work.closedWithinDays.to) * DAY_MS;
    const between = () => this.callMoment(reachedAt + random.next() * (endMs - reachedAt), false);
    const contacts: Timed[] = [];
    const add = (atMs: number, channel: ContactBody['channel'], outcome: ContactBody['outcome']) =>
      contacts.push({ atMs, evening: false, body: { channel, outcome, at: stockholmIso(atMs) } });
    for (let n = random.int(config.work.followUpCalls.from, config.work.followUpCalls.to); n > 0; n -= 1) {
      add(between(), random.weighted({ phone: 0.7, sms: 0.15, email: 0.1, 'social-media': 0.05 }), random.chance(0.85) ? 'reached' : 'no-answer');
    }
    if (random.chance(config.work.meetingShare)) add(between(), 'meeting', 'reached');
    if (random.chance(config.work.accompanimentShare)) add(between(), 'accompaniment', 'reached');
    if (random.chance(config.work.otherActorShare)) add(between(), 'other-actor', 'reached');
    contacts.sort((a, b) => a.atMs - b.atMs);
    for (const contact of contacts) this.contact(work, worker, contact.atMs, contact.body);
    if (random.chance(config.work.keptOpenShare)) return;
    const lastMs = Math.max(endMs, ...contacts.map((c) => c.atMs + HOUR_MS));
    this.close(work, worker, lastMs, random.chance(config.work.otherClosureShare) ? 'other' : 'support-given');
  }

  private contact(work: CaseAtWork, actor: Actor, atMs: number, body: Omit<ContactBody, 'at'>): void {
    const window = this.config.work.eveningWindow;
    const hour = Number(stockholmIso(atMs).slice(11, 13));
    this.emit({
      kind: 'contact', lane: work.lane, caseKey: work.key, actor, atMs,
      body: { ...body, at: stockholmIso(atMs) }, evening: hour >= window.fromHour && hour < window.toHour,
    });
  }

  private close(work: CaseAtWork, actor: Actor, atMs: number, reason: ClosureBody['reason'], override?: { reason: string }): void {
    this.emit({
      kind: 'close', lane: work.lane, caseKey: work.key, actor, atMs,
      body: { reason, at: stockholmIso(atMs), ...(override ? { override } : {}) },
    });
  }

  /** The first moment after `afterMs` at an hour people make calls (an evening hour when asked). */
  private callMoment(afterMs: number, evening: boolean): number {
    const { random, config } = this;
    const window = config.work.eveningWindow;
    let date = stockholmDateOf(afterMs);
    for (;;) {
      const hour = evening ? random.int(window.fromHour, window.toHour - 1) : random.weightedIndex(config.work.dayHourWeights);
      const atMs = stockholmInstant(calendarDateOf(date), hour, random.int(0, 59), random.int(0, 59));
      if (atMs > afterMs) return atMs;
      date = shiftDate(date, 1);
    }
  }
}
