import type { RecordedEvent } from '../event-store.port';

/** What the window can give a reader whose checkpoint is `after`. */
export type WindowAnswer =
  | { kind: 'events'; events: RecordedEvent[] }
  /** The window starts after the checkpoint: the reader reads the store on its own. */
  | { kind: 'behind' }
  /** The reader has every event the window holds: it waits for the tail to move. */
  | { kind: 'at-tail' }
  /** The window is not anchored, or ends before the checkpoint: it must be anchored there. */
  | { kind: 'ahead' };

const BEFORE_ALL = -1n;

function rank(position: bigint | null): bigint {
  return position ?? BEFORE_ALL;
}

/**
 * The most recent events of the store's global order, with no gap: it holds every event after
 * `startsAfter` up to and including `endsAt`. Readers anywhere inside it are served from memory;
 * it keeps at most `capacity` events, dropping the oldest (whose readers then read on their own).
 */
export class FeedWindow {
  private events: RecordedEvent[] = [];
  private first = 0; // index of the oldest kept event in `events`
  private anchored = false;
  private startsAfterPosition: bigint | null = null;
  private endsAtPosition: bigint | null = null;

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }

  get isAnchored(): boolean {
    return this.anchored;
  }

  /** The position the next events must follow (the tail reads after it). */
  get endsAt(): bigint | null {
    return this.endsAtPosition;
  }

  get size(): number {
    return this.events.length - this.first;
  }

  /** Empties the window and starts it again right after `after`. */
  anchor(after: bigint | null): void {
    this.events = [];
    this.first = 0;
    this.anchored = true;
    this.startsAfterPosition = after;
    this.endsAtPosition = after;
  }

  reset(): void {
    this.anchor(null);
    this.anchored = false;
  }

  /** Adds the events that follow `endsAt` in the store's order (as one read after it gave them). */
  push(events: readonly RecordedEvent[]): void {
    if (!this.anchored) throw new Error('The feed window is not anchored');
    for (const event of events) {
      if (rank(event.position) <= rank(this.endsAtPosition)) {
        throw new Error(`Event at ${event.position} does not follow the window's end ${this.endsAtPosition}`);
      }
      this.events.push(event);
      this.endsAtPosition = event.position;
    }
    const excess = this.size - this.capacity;
    if (excess > 0) {
      this.first += excess;
      this.startsAfterPosition = this.events[this.first - 1]!.position;
      if (this.first >= this.capacity) this.compact();
    }
  }

  /** Whether it holds an event after `position`. */
  endsAfter(position: bigint | null): boolean {
    return this.anchored && this.size > 0 && rank(this.endsAtPosition) > rank(position);
  }

  take(after: bigint | null, max: number): WindowAnswer {
    if (!this.anchored || rank(after) > rank(this.endsAtPosition)) return { kind: 'ahead' };
    if (rank(after) < rank(this.startsAfterPosition)) return { kind: 'behind' };
    if (rank(after) === rank(this.endsAtPosition)) return { kind: 'at-tail' };
    const start = this.firstAfter(after);
    return { kind: 'events', events: this.events.slice(start, Math.min(start + max, this.events.length)) };
  }

  /** Index of the first kept event after `after` (binary search: positions only increase). */
  private firstAfter(after: bigint | null): number {
    const target = rank(after);
    let low = this.first;
    let high = this.events.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.events[middle]!.position <= target) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private compact(): void {
    this.events = this.events.slice(this.first);
    this.first = 0;
  }
}
