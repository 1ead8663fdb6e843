import { KeptAlive } from '../kept-alive';

export interface LeaseTiming {
  /** How long a lease lasts past the database's `now()` at each renewal. @defaultValue 6000 */
  ttlMs: number;
  /** How often the holder renews. @defaultValue 2000 */
  renewEveryMs: number;
  /** How often a waiter tries to take the lease, and a holder retries a failed renewal. @defaultValue 1000 */
  retryEveryMs: number;
  /** The holder stops this long before the lease would expire in the database. @defaultValue 1000 */
  marginMs: number;
}

/** A dead holder's lease moves within ttl + retry = 7 s; a cut-off one stops 1 s before that expiry. */
export const DEFAULT_LEASE_TIMING: LeaseTiming = { ttlMs: 6000, renewEveryMs: 2000, retryEveryMs: 1000, marginMs: 1000 };

export function leaseTiming(options: Partial<LeaseTiming> = {}): LeaseTiming {
  const timing = { ...DEFAULT_LEASE_TIMING, ...options };
  for (const [key, value] of Object.entries(timing)) {
    if (!Number.isInteger(value) || value <= 0) throw new RangeError(`Lease timing ${key} must be a positive whole number of ms; got ${value}`);
  }
  if (timing.renewEveryMs + timing.marginMs >= timing.ttlMs) {
    throw new RangeError(`Lease renewals (every ${timing.renewEveryMs} ms) must come well within the TTL (${timing.ttlMs} ms, less the ${timing.marginMs} ms margin)`);
  }
  return timing;
}

/**
 * The holder's own count of its lease, on its monotonic clock. The database sets the expiry at
 * its `now()` when it runs a renewal, which is no earlier than when the holder sent it; so a
 * holder that stops at (sent + ttl - margin) of its last renewal that got through has stopped
 * before any other can take the lease, whatever the clocks of the two machines say.
 */
export class LeaseDeadline {
  private readonly alive: KeptAlive;
  private nextTryAt: number;

  constructor(private readonly timing: LeaseTiming, acquireSentAt: number) {
    this.alive = new KeptAlive(timing.ttlMs - timing.marginMs, acquireSentAt);
    this.nextTryAt = acquireSentAt + timing.renewEveryMs;
  }

  /** When the holder must have stopped unless a renewal gets through. */
  get stopAt(): number {
    return this.alive.givesUpAt;
  }

  /** When to send the next renewal. */
  get renewAt(): number {
    return Math.min(this.nextTryAt, this.stopAt);
  }

  renewed(sentAt: number): void {
    this.alive.kept(sentAt);
    this.nextTryAt = sentAt + this.timing.renewEveryMs;
  }

  /** A renewal sent at `sentAt` failed (no answer, an error): try again sooner. */
  failed(sentAt: number, now: number): void {
    this.nextTryAt = Math.max(now, sentAt + this.timing.retryEveryMs);
  }

  expired(now: number): boolean {
    return this.alive.outlived(now);
  }
}
