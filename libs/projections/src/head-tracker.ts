import type { EventStore } from '@referral/event-store';
import { findHeadPosition } from './head-position';
import type { Position } from './positions';

/** The store's head as a runner or rebuild needs it: cheap "anything after?" and a lag estimate. */
export class HeadTracker {
  private known: Position = null;
  private refreshedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: Pick<EventStore, 'readAll'>,
    private readonly refreshMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  get head(): Position {
    return this.known;
  }

  async nothingAfter(position: Position): Promise<boolean> {
    const next = await this.store.readAll({ after: position, maxCount: 1 });
    if (next.length === 0 && position !== null) this.raise(position);
    return next.length === 0;
  }

  /** Probes the head again when the last probe is older than `refreshMs`. */
  async refresh(force = false): Promise<Position> {
    if (force || this.now() - this.refreshedAt >= this.refreshMs) {
      const head = await findHeadPosition(this.store);
      this.refreshedAt = this.now();
      if (head !== null) this.raise(head);
    }
    return this.known;
  }

  async lagBehind(position: Position): Promise<bigint | null> {
    if (position !== null) this.raise(position);
    const head = await this.refresh();
    if (head === null) return null;
    const lag = head - (position ?? 0n);
    return lag > 0n ? lag : 0n;
  }

  raise(position: bigint): void {
    if (this.known === null || position > this.known) this.known = position;
  }
}
