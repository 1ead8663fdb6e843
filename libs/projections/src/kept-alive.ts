/**
 * How long something kept alive by writes (a rebuild claim's heartbeats, a lease's renewals) has
 * gone without one getting through. A keep counts from when its write was sent, not from when
 * it was answered: the other side's clock started no earlier than that.
 */
export class KeptAlive {
  private lastKeptAt: number;

  constructor(
    /** Silent this long, the keeper gives up (before others may take over). */
    readonly limitMs: number,
    startedAt: number,
  ) {
    this.lastKeptAt = startedAt;
  }

  /** A write sent at `sentAt` got through. */
  kept(sentAt: number): void {
    this.lastKeptAt = Math.max(this.lastKeptAt, sentAt);
  }

  silentMs(now: number): number {
    return now - this.lastKeptAt;
  }

  /** When the keeper gives up unless another write gets through. */
  get givesUpAt(): number {
    return this.lastKeptAt + this.limitMs;
  }

  outlived(now: number): boolean {
    return now >= this.givesUpAt;
  }
}
