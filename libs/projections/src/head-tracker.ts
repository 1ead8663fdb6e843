import type { EventStore } from '@referral/event-store';
import type { Position } from './positions';

/** Most events one lag count reads; a lag of this many means "at least this many". */
export const LAG_COUNT_LIMIT = 10_000;
/** Once caught up, the next lag is counted afresh, but not sooner than this after the last count. */
export const RECOUNT_AFTER_CATCH_UP_MS = 1_000;

type HeadSource = Pick<EventStore, 'readAll' | 'headPosition' | 'countAfter' | 'knownAfter'>;

/**
 * The store's head and a follower's lag in events, as a runner or rebuild needs them: a cheap
 * "anything after?", the head from the port, and an event count asked of the store at most
 * every `refreshMs` (on KurrentDB a count reads the events it counts).
 */
export class HeadTracker {
  private known: Position = null;
  private refreshedAt = Number.NEGATIVE_INFINITY;
  private counted: { at: number; events: number; appliedSince: number; validMs: number } | null = null;

  constructor(
    private readonly store: HeadSource,
    private readonly refreshMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  get head(): Position {
    return this.known;
  }

  async nothingAfter(position: Position): Promise<boolean> {
    const known = this.store.knownAfter?.(position) ?? 'unknown';
    const nothing = known === 'unknown' ? (await this.store.readAll({ after: position, maxCount: 1 })).length === 0 : known === 'nothing';
    if (nothing) {
      if (position !== null) this.raise(position);
      // Caught up: the next lag is counted afresh rather than estimated from an old count, except
      // within a second of the last one (a follower of a steady trickle is caught up at every
      // batch, and would count at each).
      this.counted = { at: this.counted?.at ?? Number.NEGATIVE_INFINITY, events: 0, appliedSince: 0, validMs: Math.min(RECOUNT_AFTER_CATCH_UP_MS, this.refreshMs) };
    }
    return nothing;
  }

  /** Asks the store for its head again when the last answer is older than `refreshMs`. */
  async refresh(force = false): Promise<Position> {
    if (force || this.now() - this.refreshedAt >= this.refreshMs) {
      const head = await this.store.headPosition();
      this.refreshedAt = this.now();
      if (head !== null) this.raise(head);
    }
    return this.known;
  }

  /**
   * Events after `position` (at most LAG_COUNT_LIMIT): counted when the last count is older than
   * `refreshMs` (RECOUNT_AFTER_CATCH_UP_MS once caught up), else that count less the events
   * applied since (`applied`: by the batch that brought the follower to `position`). Between
   * counts, events appended meanwhile are not seen.
   */
  async lagBehind(position: Position, applied = 0): Promise<number> {
    if (position !== null) this.raise(position);
    const last = this.counted;
    if (last && this.now() - last.at < last.validMs) {
      last.appliedSince += applied;
      return Math.max(0, last.events - last.appliedSince);
    }
    const events = await this.store.countAfter(position, LAG_COUNT_LIMIT);
    this.counted = { at: this.now(), events, appliedSince: 0, validMs: this.refreshMs };
    return events;
  }

  raise(position: bigint): void {
    if (this.known === null || position > this.known) this.known = position;
  }
}
