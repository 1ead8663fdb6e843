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
  constructor(
    private readonly store: EventStore,
    private readonly conflictBackoff: BackoffOptions = CONFLICT_BACKOFF,
  ) {}

  async load<State, Event extends DomainEvent>(
    streamId: string,
    decider: Pick<Decider<unknown, State, Event, unknown>, 'evolve' | 'initialState'>,
  ): Promise<Loaded<State>> {
    const recorded = await this.store.readStream(streamId);
    const state = recorded.reduce((s, e) => decider.evolve(s, toDomainEvent<Event>(e)), decider.initialState);
    return { state, revision: recorded.length === 0 ? null : recorded[recorded.length - 1].revision };
  }

  async run<Command, State, Event extends DomainEvent, Decision extends { ok: boolean }>(
    streamId: string,
    decider: Decider<Command, State, Event, Decision>,
    command: (state: State) => Command | Promise<Command>,
    onRefused: (decision: Exclude<Decision, Accepted<Event>>) => Promise<never> | never,
    options: RunOptions,
  ): Promise<Appended<State, Event>> {
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.load<State, Event>(streamId, decider);
      const decision = decider.decide(await command(state), state);
      if (!decision.ok) return onRefused(decision as Exclude<Decision, Accepted<Event>>);
      const events = (decision as unknown as Accepted<Event>).events;
      if (events.length === 0) return { state, events, eventIds: [], position: null };
      try {
        const newEvents = toNewEvents(events, options);
        const result = await this.store.appendToStream(streamId, newEvents, {
          expectedRevision: revision === null ? 'no-stream' : revision,
        });
        return { state: events.reduce(decider.evolve, state), events, eventIds: newEvents.map((e) => e.id), position: result.position };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (attempt >= MAX_ATTEMPTS) {
          throw new ConcurrentUpdateError(streamId, attempt);
        }
        await sleep(backoffDelay(attempt, this.conflictBackoff));
      }
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
