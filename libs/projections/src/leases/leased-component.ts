import { BackgroundLoop, errorFields, sleep } from '@referral/resilience';
import { silentLogger, type ProjectionLogger } from '../projection';
import type { Lease, LeaseStore } from './lease';
import { LeaseDeadline, leaseTiming, type LeaseTiming } from './lease-timing';

/** What runs while the lease is held: started with the lease (its fencing token), stopped on loss. */
export interface LeasedWork {
  start(lease: Lease): Promise<void> | void;
  stop(): Promise<void>;
}

/** Monotonic milliseconds and a wait on them; tests drive both. */
export interface LeaseClock {
  now(): number;
  wait(ms: number, signal: AbortSignal): Promise<void>;
}

export const monotonicClock: LeaseClock = { now: () => performance.now(), wait: sleep };

export interface LeasedComponentOptions {
  leases: LeaseStore;
  /** The lease's name: one holder at a time across every process on the database. */
  name: string;
  holder: string;
  work: LeasedWork;
  timing?: Partial<LeaseTiming>;
  clock?: LeaseClock;
  logger?: ProjectionLogger;
}

type KeepOutcome = 'stopping' | 'lost' | 'expired';
const TIMED_OUT: unique symbol = Symbol('timed out');

/**
 * Runs `work` only while this process holds the component's lease: waits for it (trying every
 * `retryEveryMs`), starts the work, renews every `renewEveryMs`, and stops the work when a
 * renewal says the lease is gone or when no renewal got through in time (the holder is cut off);
 * then waits again. On `stop()` it stops the work and releases the lease for a waiter.
 */
export class LeasedComponent {
  private readonly timing: LeaseTiming;
  private readonly clock: LeaseClock;
  private readonly logger: ProjectionLogger;
  private readonly loopRun = new BackgroundLoop((signal) => this.loop(signal));
  private current: Lease | null = null;

  constructor(private readonly options: LeasedComponentOptions) {
    this.timing = leaseTiming(options.timing);
    this.clock = options.clock ?? monotonicClock;
    this.logger = options.logger ?? silentLogger;
  }

  get name(): string {
    return this.options.name;
  }

  /** The lease while this process holds it (its work runs). */
  get lease(): Lease | null {
    return this.current;
  }

  start(): void {
    this.loopRun.start();
  }

  stop(): Promise<void> {
    return this.loopRun.stop();
  }

  private async loop(signal: AbortSignal): Promise<void> {
    const { leases, name, holder, work } = this.options;
    while (!signal.aborted) {
      const sentAt = this.clock.now();
      let lease: Lease | null = null;
      try {
        const answer = await this.within(leases.acquire(name, holder, this.timing.ttlMs), this.timing.ttlMs, signal);
        lease = answer === TIMED_OUT ? null : answer;
      } catch (error) {
        this.logger.warn('Lease could not be read; trying again', { component: name, error: errorFields(error) });
      }
      if (!lease) {
        await this.clock.wait(this.timing.retryEveryMs, signal);
        continue;
      }
      const deadline = new LeaseDeadline(this.timing, sentAt);
      this.current = lease;
      this.logger.info('Lease taken; the component runs here', { component: name, token: String(lease.token) });
      let outcome: KeepOutcome = 'stopping';
      try {
        await work.start(lease);
        outcome = await this.keep(lease, deadline, signal);
      } catch (error) {
        this.logger.error('Leased component could not start; handing the lease back', { component: name, error: errorFields(error) });
        await this.clock.wait(this.timing.retryEveryMs, signal);
      } finally {
        this.current = null;
        await work.stop();
      }
      if (outcome === 'stopping') {
        // Bounded: a process cut off from the database must still shut down; the lease then expires by itself.
        const released = this.within(leases.release(lease), this.timing.retryEveryMs, new AbortController().signal);
        await released.catch((error: unknown) =>
          this.logger.warn('Lease could not be released; it expires by itself', { component: name, error: errorFields(error) }),
        );
      } else {
        this.logger.warn('Lease lost; the component stopped here and waits', { component: name, token: String(lease.token), outcome });
      }
    }
  }

  /** Renews until stopped, until the lease is gone, or until its local deadline passes. */
  private async keep(lease: Lease, deadline: LeaseDeadline, signal: AbortSignal): Promise<KeepOutcome> {
    for (;;) {
      await this.clock.wait(Math.max(0, deadline.renewAt - this.clock.now()), signal);
      if (signal.aborted) return 'stopping';
      const sentAt = this.clock.now();
      if (deadline.expired(sentAt)) return 'expired';
      // A renewal that hangs (the database is cut off) must not hold the holder past its deadline.
      let held: boolean | typeof TIMED_OUT | null = null;
      try {
        held = await this.within(this.options.leases.renew(lease, this.timing.ttlMs), Math.max(0, deadline.stopAt - sentAt), signal);
      } catch (error) {
        this.logger.warn('Lease renewal failed', { component: lease.name, error: errorFields(error) });
      }
      if (held === false) return 'lost';
      if (held === true) deadline.renewed(sentAt);
      else deadline.failed(sentAt, this.clock.now());
      if (signal.aborted) return 'stopping';
    }
  }

  /** The call's answer, or TIMED_OUT after `ms` (or once `signal` aborts) if it has not answered by then. */
  private async within<T>(call: Promise<T>, ms: number, signal: AbortSignal): Promise<T | typeof TIMED_OUT> {
    const giveUp = new AbortController();
    const timeout = this.clock.wait(ms, AbortSignal.any([signal, giveUp.signal])).then((): typeof TIMED_OUT => TIMED_OUT);
    try {
      return await Promise.race([call, timeout]);
    } finally {
      giveUp.abort();
    }
  }
}
