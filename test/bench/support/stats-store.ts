/**
 * A store of simulated years for the statistics benchmark, written straight into the event store
 * (no HTTP): the simulator's pure, seeded `plan` says what happens and when; each step becomes the
 * command the API would send, decided by the real deciders of @referral/case, and what they decide
 * is appended the way the app appends it (one stream per case, a claim per handover, a stream per
 * volunteer). Deadline timers are simulated too: a `CheckDeadlines` shortly after each pending
 * deadline falls due, so breaches (and retractions by calls typed in late) are real decider output.
 *
 * For speed each case stream is appended in one batch after its whole life is decided (a linked
 * case has a stream and batch of its own), with a few appends in flight at once.
 */
import { randomUUID } from 'node:crypto';
import {
  calendarDateOf,
  caseDecider,
  defaultCoveragePolicy,
  defaultSlaPolicy,
  openLinkedCaseCommand,
  pendingDeadlines,
  shiftDate,
  volunteerDecider,
  type CaseCommand,
  type CaseEvent,
  type CaseRecord,
  type CaseState,
  type Handover,
  type OrgId,
  type PersonLinked,
  type RegisterCase,
  type VolunteerCommand,
  type VolunteerEvent,
} from '@referral/case';
import { deterministicUuid } from '@referral/case-workflows';
import type { EventStore, NewEvent } from '@referral/event-store';
import { plan } from '../../../apps/cli/simulate';
import type { PlannedStep, SimulationPlan } from '../../../apps/cli/simulate/plan/plan-types';
import { Random } from '../../../apps/cli/simulate/plan/random';
import { stockholmInstant } from '../../../apps/cli/simulate/plan/stockholm-clock';

const POLICE = 'polisen-direktformedling';
const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

export interface BuildOptions {
  from: string;
  to: string;
  seed: number;
  scale?: number;
  /** Appends in flight at once. @defaultValue 6 */
  concurrency?: number;
  /** Called about every `progressIntervalMs` while appending, and once at the end. */
  onProgress?: (progress: BuildProgress) => void;
  progressIntervalMs?: number;
}

export interface BuildProgress {
  lanesDone: number;
  lanesTotal: number;
  events: number;
  /** Simulated date of the last case started. */
  day: string;
  seconds: number;
  finished: boolean;
}

export interface BuildResult {
  events: number;
  appends: number;
  cases: number;
  refusedHandovers: number;
  /** Commands a decider refused that the plan did not expect to be refused (should be 0). */
  unexpectedRefusals: number;
  refusalSamples: string[];
  eventsByType: Map<string, number>;
  planSeconds: number;
  /** Deciding and appending, after planning. */
  writeSeconds: number;
  steps: number;
}

interface PendingAppend {
  stream: string;
  events: NewEvent[];
}

type TimedCommand = { nowMs: number; command: CaseCommand };

/** When a step reaches the service: at once for most, some calls typed in hours or days later. */
class Clocks {
  constructor(private readonly random: Random) {}

  /** Delay between a call happening (`at`) and it being recorded. */
  typingDelayMs(): number {
    const r = this.random.next();
    if (r < 0.85) return this.random.between(0.5, 15) * MINUTE_MS;
    if (r < 0.97) return this.random.between(1, 8) * HOUR_MS;
    return this.random.between(20, 72) * HOUR_MS;
  }

  /** A deadline timer fires a little after the due time. */
  timerDelayMs(): number {
    return this.random.between(0.05, 5) * SECOND_MS;
  }

  /** A handover or a registration is posted moments after its stated time. */
  deliveryDelayMs(): number {
    return this.random.between(1, 90) * SECOND_MS;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

/** One case lane of the plan (a case and the case its link opened), decided in memory. */
class LaneRun {
  readonly streams = new Map<string, NewEvent[]>();
  readonly claims: PendingAppend[] = [];
  private readonly states = new Map<string, CaseState>();
  private readonly checks: { atMs: number; caseId: string }[] = [];
  private readonly armed = new Set<string>();
  private lastNowMs = 0;

  constructor(private readonly build: StoreBuild) {}

  run(steps: readonly PlannedStep[]): void {
    for (const step of steps) {
      const timed = this.command(step);
      if (!timed) continue;
      const nowMs = Math.max(timed.nowMs, this.lastNowMs);
      this.fireChecksBefore(nowMs);
      this.lastNowMs = nowMs;
      this.apply(timed.command, step);
    }
    this.fireChecksBefore(this.build.endMs + 1);
  }

  private fireChecksBefore(nowMs: number): void {
    for (;;) {
      this.checks.sort((a, b) => a.atMs - b.atMs);
      const next = this.checks[0];
      if (!next || next.atMs >= nowMs) return;
      this.checks.shift();
      this.lastNowMs = Math.max(this.lastNowMs, next.atMs);
      this.apply({ type: 'CheckDeadlines', caseId: next.caseId, now: iso(next.atMs) }, null);
    }
  }

  private apply(command: CaseCommand, step: PlannedStep | null): void {
    const state = this.states.get(command.caseId) ?? caseDecider.initialState;
    const decision = caseDecider.decide(command, state);
    if (!decision.ok) {
      if (decision.refusal && step?.kind === 'handover' && step.expected === 'refused') {
        this.build.refusedHandovers += 1;
        this.claims.push({
          stream: `handover-${decision.refusal.data.handoverId}`,
          events: this.build.newEvents([decision.refusal], POLICE),
        });
      } else {
        this.build.refuse(`${command.type} ${step?.kind ?? ''} ${step && 'caseKey' in step ? step.caseKey : ''}: ${decision.error.code}`);
      }
      return;
    }
    this.record(command.caseId, state, decision.events, 'by' in command && command.by ? command.by : 'deadline-timer');
    if (command.type === 'ReceiveHandover') {
      const received = decision.events[0] as Extract<CaseEvent, { type: 'CaseReceived' }>;
      const accepted = {
        type: 'HandoverAccepted',
        data: { handoverId: command.handover.handoverId, caseId: command.caseId, routedTo: received.data.org, status: received.data.status, at: command.now },
      };
      this.claims.push({ stream: `handover-${command.handover.handoverId}`, events: this.build.newEvents([accepted], POLICE) });
    }
    const linked = decision.events.find((e): e is PersonLinked => e.type === 'PersonLinked');
    if (linked) {
      const source = this.states.get(command.caseId) as CaseRecord;
      this.apply(openLinkedCaseCommand(source, linked, defaultSlaPolicy), null);
    }
  }

  private record(caseId: string, before: CaseState, events: readonly CaseEvent[], actor: string): void {
    if (events.length === 0) return;
    const after = events.reduce(caseDecider.evolve, before);
    this.states.set(caseId, after);
    let stream = this.streams.get(caseId);
    if (!stream) this.streams.set(caseId, (stream = []));
    stream.push(...this.build.newEvents(events, actor));
    for (const deadline of pendingDeadlines(after)) {
      const key = `${caseId} ${deadline.rule} ${deadline.dueAt}`;
      if (this.armed.has(key)) continue;
      this.armed.add(key);
      this.checks.push({ caseId, atMs: Date.parse(deadline.dueAt) + this.build.clocks.timerDelayMs() });
    }
  }

  /** The command the API would send for `step`, and the app's clock when it does. */
  private command(step: PlannedStep): TimedCommand | null {
    const clocks = this.build.clocks;
    switch (step.kind) {
      case 'handover': {
        const nowMs = step.atMs + clocks.deliveryDelayMs();
        return {
          nowMs,
          command: {
            type: 'ReceiveHandover', caseId: this.build.caseId(step.caseKey), handover: step.body as unknown as Handover,
            now: iso(nowMs), coverage: defaultCoveragePolicy, sla: defaultSlaPolicy, by: POLICE,
          },
        };
      }
      case 'register-case': {
        const nowMs = step.atMs + clocks.deliveryDelayMs();
        const body = step.body as unknown as Pick<RegisterCase, 'source' | 'receivedAt' | 'crime' | 'person' | 'victimBirthDate' | 'area'>;
        return {
          nowMs,
          command: {
            type: 'RegisterCase', caseId: this.build.caseId(step.caseKey), org: step.actor.org as OrgId, ...body,
            now: iso(nowMs), sla: defaultSlaPolicy, by: step.actor.sub,
          },
        };
      }
      case 'resolve-triage': {
        const nowMs = Math.max(step.atMs, this.lastNowMs);
        return {
          nowMs,
          command: { type: 'ResolveTriage', caseId: this.build.caseId(step.caseKey), routeTo: step.routeTo, at: iso(nowMs), sla: defaultSlaPolicy, by: step.actor.sub },
        };
      }
      case 'assign': {
        const nowMs = Math.max(step.atMs, this.lastNowMs);
        const volunteer = this.build.volunteer(step.volunteerKey, nowMs);
        if (!volunteer) return null;
        return { nowMs, command: { type: 'AssignVolunteer', caseId: this.build.caseId(step.caseKey), volunteer, at: iso(nowMs), by: step.actor.sub } };
      }
      case 'contact': {
        const at = Date.parse(step.body.at);
        const nowMs = at + clocks.typingDelayMs();
        return {
          nowMs,
          command: {
            type: 'RecordContact', caseId: this.build.caseId(step.caseKey), channel: step.body.channel, outcome: step.body.outcome,
            at: step.body.at, now: iso(Math.max(nowMs, this.lastNowMs)), note: step.body.note, by: step.actor.sub,
          },
        };
      }
      case 'link': {
        const nowMs = Date.parse(step.body.at) + clocks.deliveryDelayMs();
        return {
          nowMs,
          command: {
            type: 'LinkToOtherParty', caseId: this.build.caseId(step.caseKey), to: step.body.to, consent: step.body.consent,
            linkedCaseId: this.build.caseId(step.linkedCaseKey), at: step.body.at, now: iso(Math.max(nowMs, this.lastNowMs)),
            note: step.body.note, by: step.actor.sub,
          },
        };
      }
      case 'close': {
        const nowMs = Date.parse(step.body.at) + clocks.deliveryDelayMs();
        return {
          nowMs,
          command: {
            type: 'CloseCase', caseId: this.build.caseId(step.caseKey), reason: step.body.reason, at: step.body.at,
            now: iso(Math.max(nowMs, this.lastNowMs)), override: step.body.override, by: step.actor.sub,
          },
        };
      }
      default:
        return null;
    }
  }
}

interface RosterEntry {
  id: string;
  org: OrgId;
  activeFrom: string;
  activeUntil: string | null;
}

/** The run as a whole: ids, volunteers, counters, and the appends. */
class StoreBuild {
  readonly clocks: Clocks;
  readonly endMs: number;
  refusedHandovers = 0;
  unexpectedRefusals = 0;
  readonly refusalSamples: string[] = [];
  readonly eventsByType = new Map<string, number>();
  private readonly roster = new Map<string, RosterEntry>();
  private correlation = 0;

  constructor(readonly planned: SimulationPlan) {
    this.clocks = new Clocks(new Random(planned.seed, 'stats-bench-clocks'));
    this.endMs = stockholmInstant(calendarDateOf(shiftDate(planned.to, 1)), 0) - 1000;
  }

  caseId(caseKey: string): string {
    return deterministicUuid('stats-bench', this.planned.runTag, caseKey);
  }

  refuse(message: string): void {
    this.unexpectedRefusals += 1;
    if (this.refusalSamples.length < 10) this.refusalSamples.push(message);
  }

  newEvents(events: readonly { type: string; data: object }[], actor: string): NewEvent[] {
    const correlationId = deterministicUuid('stats-bench-correlation', String((this.correlation += 1)));
    return events.map(({ type, data }) => {
      this.eventsByType.set(type, (this.eventsByType.get(type) ?? 0) + 1);
      return { id: randomUUID(), type, data: { ...data } as Record<string, unknown>, metadata: { schemaVersion: 1, actor, correlationId } };
    });
  }

  /** The volunteer as the app finds it when assigning at `nowMs` (see `isVolunteerActiveOn`). */
  volunteer(key: string, nowMs: number): { id: string; org: OrgId; active: boolean; basicTrainingPassed: boolean } | null {
    const entry = this.roster.get(key);
    if (!entry) return null;
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(nowMs);
    const active = entry.activeFrom <= today && (entry.activeUntil === null || entry.activeUntil >= today);
    return { id: entry.id, org: entry.org, active, basicTrainingPassed: true };
  }

  /** Each volunteer's stream: registered, and deactivated at the end of the period when they left. */
  volunteerAppends(): PendingAppend[] {
    const byKey = new Map<string, { org: OrgId; commands: VolunteerCommand[]; actor: string }>();
    for (const step of this.planned.steps) {
      if (step.kind === 'register-volunteer') {
        const id = deterministicUuid('stats-bench-volunteer', this.planned.runTag, step.volunteerKey);
        const body = step.body as { displayName: string; gender: 'female' | 'male' | 'other'; activeFrom: string; userId: string };
        this.roster.set(step.volunteerKey, { id, org: step.org, activeFrom: body.activeFrom, activeUntil: null });
        byKey.set(step.volunteerKey, {
          org: step.org,
          actor: `samordnare@${step.org}`,
          commands: [{ type: 'RegisterVolunteer', volunteerId: id, org: step.org, displayName: body.displayName, gender: body.gender, activeFrom: body.activeFrom, userId: body.userId, at: iso(step.atMs) }],
        });
      } else if (step.kind === 'deactivate-volunteer') {
        const entry = this.roster.get(step.volunteerKey)!;
        entry.activeUntil = step.body.activeUntil;
        byKey.get(step.volunteerKey)!.commands.push({
          type: 'DeactivateVolunteer', volunteerId: entry.id, org: step.org, activeUntil: step.body.activeUntil, at: iso(step.atMs),
        });
      }
    }
    const appends: PendingAppend[] = [];
    for (const { commands, actor } of byKey.values()) {
      let state = volunteerDecider.initialState;
      const events: VolunteerEvent[] = [];
      for (const command of commands) {
        const decision = volunteerDecider.decide(command, state);
        if (!decision.ok) {
          this.refuse(`${command.type} ${command.volunteerId}: ${decision.error.code}`);
          continue;
        }
        events.push(...decision.events);
        state = decision.events.reduce(volunteerDecider.evolve, state);
      }
      appends.push({ stream: `volunteer-${commands[0]!.volunteerId}`, events: this.newEvents(events, actor) });
    }
    return appends;
  }
}

/** Appends with at most `limit` in flight; `drain` waits for all. Throws the first failure. */
class Appender {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown = null;
  events = 0;
  appends = 0;

  constructor(private readonly store: EventStore, private readonly limit: number) {}

  async push(append: PendingAppend): Promise<void> {
    if (append.events.length === 0) return;
    if (this.failure) throw this.failure;
    while (this.inFlight.size >= this.limit) await Promise.race(this.inFlight);
    const work: Promise<void> = this.store
      .appendToStream(append.stream, append.events, { expectedRevision: 'no-stream' })
      .then(() => {
        this.events += append.events.length;
        this.appends += 1;
      }, (error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
  }
}

/** Plans the period and writes it into `store` (which should be empty). */
export async function buildStatsStore(store: EventStore, options: BuildOptions): Promise<BuildResult> {
  const planStarted = Date.now();
  const planned = plan({ from: options.from, to: options.to, seed: options.seed, scale: options.scale ?? 1 });
  const planSeconds = (Date.now() - planStarted) / 1000;

  const writeStarted = Date.now();
  const build = new StoreBuild(planned);
  const appender = new Appender(store, options.concurrency ?? 6);
  for (const append of build.volunteerAppends()) await appender.push(append);

  const lanes = new Map<string, PlannedStep[]>();
  for (const step of planned.steps) {
    if (step.lane === 'volunteers') continue;
    let lane = lanes.get(step.lane);
    if (!lane) lanes.set(step.lane, (lane = []));
    lane.push(step);
  }
  // Lanes in the order their first step happens, so the global order runs roughly through time.
  const ordered = [...lanes.values()].sort((a, b) => a[0]!.atMs - b[0]!.atMs);
  const interval = options.progressIntervalMs ?? 2000;
  let lastProgress = Date.now();
  let cases = 0;
  const progress = (lanesDone: number, finished: boolean) =>
    options.onProgress?.({
      lanesDone, lanesTotal: ordered.length, events: appender.events, finished,
      day: planned.days[ordered[Math.max(0, lanesDone - 1)]?.[0]?.day ?? 0] ?? planned.to,
      seconds: (Date.now() - writeStarted) / 1000,
    });

  for (let i = 0; i < ordered.length; i += 1) {
    const lane = new LaneRun(build);
    lane.run(ordered[i]!);
    for (const claim of lane.claims) await appender.push(claim);
    for (const [caseId, events] of lane.streams) {
      cases += 1;
      await appender.push({ stream: `case-${caseId}`, events });
    }
    if (Date.now() - lastProgress >= interval) {
      lastProgress = Date.now();
      progress(i + 1, false);
    }
  }
  await appender.drain();
  progress(ordered.length, true);
  return {
    events: appender.events,
    appends: appender.appends,
    cases,
    refusedHandovers: build.refusedHandovers,
    unexpectedRefusals: build.unexpectedRefusals,
    refusalSamples: build.refusalSamples,
    eventsByType: build.eventsByType,
    planSeconds,
    writeSeconds: (Date.now() - writeStarted) / 1000,
    steps: planned.steps.length,
  };
}
