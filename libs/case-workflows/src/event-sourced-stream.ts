import { randomUUID } from 'node:crypto';
import {
  WrongExpectedRevisionError,
  type EventMetadata,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@referral/event-store';
import { backoffDelay, sleep, type BackoffOptions } from '@referral/resilience';

/** A domain event as the deciders produce and consume it: a wire name and plain data. */
export interface DomainEvent {
  readonly type: string;
  readonly data: object;
}

export interface Decider<Command, State, Event extends DomainEvent, Decision> {
  decide(command: Command, state: State): Decision;
  evolve(state: State, event: Event): State;
  initialState: State;
}

export type Accepted<Event> = { readonly ok: true; readonly events: readonly Event[] };

export interface Loaded<State> {
  state: State;
  revision: number | null;
}

export interface Appended<State, Event> {
  state: State;
  events: readonly Event[];
  /** The store's ids of `events`, in the same order. */
  eventIds: readonly string[];
  /** Global position of the last appended event; null when the command changed nothing. */
  position: bigint | null;
}

export interface RunOptions {
  metadata: Omit<EventMetadata, 'schemaVersion'>;
  /** Event ids derived from the command, so a retried command appends nothing twice. */
  eventIds?: (index: number) => string;
}

const MAX_ATTEMPTS = 5;
/** Short and jittered: writers that collided should not collide again on the retry. */
const CONFLICT_BACKOFF: BackoffOptions = { initialMs: 20, maxMs: 200, jitter: 0.5 };

/**
 * How a command that met at least one append conflict ended: `succeeded` (it appended, or found
 * nothing left to do, on a later attempt), `refused` (decided again on the new state, the decider
 * refused), `gave-up` (ConcurrentUpdateError), `failed` (any other error on a later attempt).
 */
export type RetriedCommandOutcome = 'succeeded' | 'refused' | 'gave-up' | 'failed';

/**
 * Told of append conflicts, e.g. to count them. It gets the stream's category (the name before
 * its first `-`: `case`, `volunteer`, ...; `other` when there is none), never the stream id,
 * which holds a case id. Observers must not throw.
 */
export interface AppendConflictObserver {
  /** An append found that another writer had changed the stream since this command read it. */
  conflict(category: string, attempt: number): void;
  /** A command that met a conflict came to its end after `attempts` attempts in all. */
  retriedCommandEnded(category: string, outcome: RetriedCommandOutcome, attempts: number): void;
}

export interface EventSourcedStreamOptions {
  /** @defaultValue 20 ms doubling to 200 ms, half jittered */
  conflictBackoff?: BackoffOptions;
  conflicts?: AppendConflictObserver;
}

/** The category of a stream id for metrics: `case-<id>` is `case`. */
export function streamCategory(streamId: string): string {
  return /^([a-z]+)-/.exec(streamId)?.[1] ?? 'other';
}

type AttemptResult<State, Event, Decision> =
  | { kind: 'done'; appended: Appended<State, Event> }
  | { kind: 'refused'; decision: Decision }
  | { kind: 'conflict' };

/** Another writer kept changing the stream between this command's reads and its append. */
export class ConcurrentUpdateError extends Error {
  constructor(readonly streamId: string, readonly attempts: number) {
    super(`Stream ${streamId} changed under ${attempts} attempts in a row`);
    this.name = 'ConcurrentUpdateError';
  }
}

/**
 * Load, decide, append with the expected revision. Another writer in between makes the append
 * fail; the command is then decided again on the new state, a few times with backoff, before the
 * caller gets ConcurrentUpdateError.
 */
export class EventSourcedStream {
  private readonly conflictBackoff: BackoffOptions;
  private readonly conflicts: AppendConflictObserver | undefined;

  constructor(
    private readonly store: EventStore,
    options: EventSourcedStreamOptions = {},
  ) {
    this.conflictBackoff = options.conflictBackoff ?? CONFLICT_BACKOFF;
    this.conflicts = options.conflicts;
  }

  async load<State, Event extends DomainEvent>(
    streamId: string,
    decider: Pick<Decider<unknown, State, Event, unknown>, 'evolve' | 'initialState'>,
  ): Promise<Loaded<State>> {
    const { state, revision } = await this.read<State, Event>(streamId, decider);
    return { state, revision };
  }

  private async read<State, Event extends DomainEvent>(
    streamId: string,
    decider: Pick<Decider<unknown, State, Event, unknown>, 'evolve' | 'initialState'>,
  ): Promise<Loaded<State> & { recorded: RecordedEvent[] }> {
    const recorded = await this.store.readStream(streamId);
    const state = recorded.reduce((s, e) => decider.evolve(s, toDomainEvent<Event>(e)), decider.initialState);
    return { state, revision: recorded.length === 0 ? null : recorded[recorded.length - 1].revision, recorded };
  }

  async run<Command, State, Event extends DomainEvent, Decision extends { ok: boolean }>(
    streamId: string,
    decider: Decider<Command, State, Event, Decision>,
    command: (state: State) => Command | Promise<Command>,
    onRefused: (decision: Exclude<Decision, Accepted<Event>>) => Promise<never> | never,
    options: RunOptions,
  ): Promise<Appended<State, Event>> {
    const category = streamCategory(streamId);
    const ended = (outcome: RetriedCommandOutcome, attempt: number) => {
      if (attempt > 1) this.conflicts?.retriedCommandEnded(category, outcome, attempt);
    };
    for (let attempt = 1; ; attempt++) {
      let result: AttemptResult<State, Event, Decision>;
      try {
        result = await this.attempt(streamId, decider, command, options);
      } catch (error) {
        ended('failed', attempt);
        throw error;
      }
      if (result.kind === 'done') {
        ended('succeeded', attempt);
        return result.appended;
      }
      if (result.kind === 'refused') {
        ended('refused', attempt);
        return onRefused(result.decision as Exclude<Decision, Accepted<Event>>);
      }
      this.conflicts?.conflict(category, attempt);
      if (attempt >= MAX_ATTEMPTS) {
        ended('gave-up', attempt);
        throw new ConcurrentUpdateError(streamId, attempt);
      }
      await sleep(backoffDelay(attempt, this.conflictBackoff));
    }
  }

  /** One load, decide, append; `conflict` when another writer changed the stream in between. */
  private async attempt<Command, State, Event extends DomainEvent, Decision extends { ok: boolean }>(
    streamId: string,
    decider: Decider<Command, State, Event, Decision>,
    command: (state: State) => Command | Promise<Command>,
    options: RunOptions,
  ): Promise<AttemptResult<State, Event, Decision>> {
    const { state, revision, recorded } = await this.read<State, Event>(streamId, decider);
    // A command with ids of its own (its Idempotency-Key) whose first run appended here has taken
    // effect (its process died before the answer was kept): it is not decided again on a state
    // that already holds it, where it could come out otherwise (a refusal, another event count).
    const firstId = options.eventIds?.(0);
    if (firstId !== undefined && recorded.some((event) => event.id === firstId)) {
      return { kind: 'done', appended: { state, events: [], eventIds: [], position: recorded[recorded.length - 1]!.position } };
    }
    const decision = decider.decide(await command(state), state);
    if (!decision.ok) return { kind: 'refused', decision };
    const events = (decision as unknown as Accepted<Event>).events;
    if (events.length === 0) return { kind: 'done', appended: { state, events, eventIds: [], position: null } };
    const newEvents = toNewEvents(events, options);
    try {
      const result = await this.store.appendToStream(streamId, newEvents, {
        expectedRevision: revision === null ? 'no-stream' : revision,
      });
      const appended = { state: events.reduce(decider.evolve, state), events, eventIds: newEvents.map((e) => e.id), position: result.position };
      return { kind: 'done', appended };
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return { kind: 'conflict' };
      throw error;
    }
  }
}

export function toDomainEvent<Event extends DomainEvent>(recorded: RecordedEvent): Event {
  return { type: recorded.type, data: recorded.data } as unknown as Event;
}

export function toNewEvents(events: readonly DomainEvent[], options: RunOptions): NewEvent[] {
  return events.map((event, index) => ({
    id: options.eventIds?.(index) ?? randomUUID(),
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: { schemaVersion: 1, ...options.metadata },
  }));
}
