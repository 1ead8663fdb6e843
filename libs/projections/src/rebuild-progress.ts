import type { Position } from './positions';

export interface RebuildProgress {
  projection: string;
  generation: number;
  /** Events applied by this rebuild so far. */
  eventsDone: number;
  /** Estimate of all events this rebuild will apply; `null` until one can be made. */
  eventsTotal: number | null;
  position: Position;
  /** The store's last position as last probed (it moves while the rebuild runs). */
  headPosition: Position;
  /** 0..1, by position. */
  fraction: number;
  eventsPerSecond: number;
  /** `null` while the rate is unknown. */
  etaSeconds: number | null;
  finished: boolean;
}

/**
 * Turns committed batches into progress figures. Positions need not be contiguous, so the share
 * done is measured in positions and the event total is extrapolated from the density so far.
 */
export class RebuildProgressTracker {
  private readonly startedAt: number;
  private eventsDone = 0;
  private position: Position;
  private head: Position = null;

  constructor(
    private readonly projection: string,
    private readonly generation: number,
    private readonly startPosition: Position,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
    this.position = startPosition;
  }

  record(position: bigint, events: number): void {
    this.eventsDone += events;
    this.position = position;
    this.setHead(position);
  }

  setHead(head: Position): void {
    if (head !== null && (this.head === null || head > this.head)) this.head = head;
  }

  snapshot(finished = false): RebuildProgress {
    const elapsedSeconds = Math.max((this.now() - this.startedAt) / 1000, 1e-3);
    const eventsPerSecond = this.eventsDone / elapsedSeconds;
    const base = { projection: this.projection, generation: this.generation, eventsDone: this.eventsDone };
    const at = { position: this.position, headPosition: this.head, eventsPerSecond };
    if (finished || this.head === null) {
      return { ...base, ...at, eventsTotal: this.eventsDone, fraction: 1, etaSeconds: 0, finished };
    }
    const start = Number(this.startPosition ?? 0n);
    const current = Number(this.position ?? 0n);
    const head = Number(this.head);
    const fraction = head > 0 ? Math.min(current / head, 1) : 1;
    const covered = current - start;
    const remaining = covered > 0 ? Math.round((this.eventsDone * (head - current)) / covered) : null;
    return {
      ...base,
      ...at,
      eventsTotal: remaining === null ? null : this.eventsDone + remaining,
      fraction,
      etaSeconds: remaining === null || eventsPerSecond === 0 ? null : remaining / eventsPerSecond,
      finished: false,
    };
  }
}
