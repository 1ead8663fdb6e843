import type { LeaseClock } from '@referral/projections';

/** A LeaseClock that moves only when the test advances it; waits resolve as their time comes. */
export class ManualClock implements LeaseClock {
  private at = 0;
  private waiters: Array<{ until: number; resolve: () => void }> = [];

  now(): number {
    return this.at;
  }

  wait(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const waiter = { until: this.at + ms, resolve };
      this.waiters.push(waiter);
      signal.addEventListener('abort', () => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve();
      }, { once: true });
    });
  }

  /** How many waits are pending (the component is idle until the clock moves). */
  get pending(): number {
    return this.waiters.length;
  }

  /** Moves to `ms` later, waking each wait whose time came, in order, letting each settle. */
  async advance(ms: number): Promise<void> {
    const target = this.at + ms;
    for (;;) {
      await settle();
      const next = this.waiters.filter((w) => w.until <= target).sort((a, b) => a.until - b.until)[0];
      if (!next) break;
      this.at = Math.max(this.at, next.until);
      this.waiters = this.waiters.filter((w) => w !== next);
      next.resolve();
    }
    this.at = target;
    await settle();
  }
}

/** Lets pending promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
