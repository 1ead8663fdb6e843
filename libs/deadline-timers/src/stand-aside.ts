import type { Worker } from 'bullmq';
import { errorFields } from '@referral/resilience';
import type { TimersLogger } from './options';

const PROBE_EVERY_MS = 1_000;

/** A handler that did not finish within its bound: its job fails and is retried, by any worker. */
export class HandlerTimedOutError extends Error {
  constructor(readonly ms: number) {
    super(`The deadline handler did not finish within ${ms} ms; the timer is retried`);
    this.name = 'HandlerTimedOutError';
  }
}

/**
 * Bounds each handler run. A worker cut off from its database would otherwise hold every timer
 * it takes until the network heals, while another worker could record the breach on time: on the
 * first run past the bound the job fails (BullMQ retries it with backoff, and any free worker may
 * take it), and this worker stops taking jobs until `healthy` answers again.
 */
export class StandAside {
  private standing: Promise<void> | null = null;

  constructor(
    private readonly worker: () => Worker | null,
    private readonly timeoutMs: number,
    private readonly healthy: () => Promise<unknown>,
    private readonly logger: TimersLogger,
  ) {}

  get aside(): boolean {
    return this.standing !== null;
  }

  async run<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new HandlerTimedOutError(this.timeoutMs)), this.timeoutMs);
    });
    try {
      return await Promise.race([work, late]);
    } catch (error) {
      if (error instanceof HandlerTimedOutError) this.standing ??= this.standAside().finally(() => (this.standing = null));
      throw error;
    } finally {
      clearTimeout(timer);
      // The run past its bound may still end (after the network heals); its answer is not wanted.
      work.catch(() => undefined);
    }
  }

  private async standAside(): Promise<void> {
    const worker = this.worker();
    if (!worker) return;
    this.logger.warn('A deadline check did not finish in time (is the database reachable?); this worker takes no timers until it answers', { timeoutMs: this.timeoutMs });
    await worker.pause(true);
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
      if (this.worker() !== worker) return;
      try {
        await this.run(Promise.resolve(this.healthy()));
        break;
      } catch (error) {
        if (!(error instanceof HandlerTimedOutError)) this.logger.warn('The deadline worker\'s database still does not answer', { error: errorFields(error) });
      }
    }
    worker.resume();
    this.logger.warn('The deadline worker takes timers again', {});
  }
}
