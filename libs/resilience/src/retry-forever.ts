import { backoffDelay, type BackoffOptions } from './backoff';
import { FailureStreak } from './failure-streak';
import { sleep } from './sleep';

export interface RetryFailure {
  error: unknown;
  /** 1 for the first failure in a row. */
  attempt: number;
  /** How long until the next attempt. */
  retryInMs: number;
}

export interface RetryOptions {
  /** Ends the retries (and the wait between two attempts) at once. */
  signal?: AbortSignal;
  backoff?: BackoffOptions;
  /** Hears each failure before the wait: one log line per failure, with attempt and delay. */
  onFailure?: (failure: RetryFailure) => void;
  /**
   * Counts the failures in a row (health reads it). Work that makes progress between failures
   * calls its `succeeded()`, so the next failure waits the first delay again.
   */
  streak?: FailureStreak;
  /** @defaultValue the system clock */
  now?: () => Date;
  /** Errors for which this answers false are thrown at once, not retried. @defaultValue every error is retried */
  retryIf?: (error: unknown) => boolean;
}

/**
 * Runs `work` until it succeeds, waiting a capped, doubling delay after each failure; never gives
 * up. Answers the work's result, or `undefined` once `signal` aborts.
 */
export async function retryForever<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T | undefined> {
  const { signal } = options;
  const streak = options.streak ?? new FailureStreak();
  const now = options.now ?? (() => new Date());
  while (!signal?.aborted) {
    try {
      const result = await work();
      streak.succeeded();
      return result;
    } catch (error) {
      if (signal?.aborted) return undefined;
      if (options.retryIf && !options.retryIf(error)) throw error;
      const { attempt } = streak.failed(error, now());
      const retryInMs = backoffDelay(attempt, options.backoff);
      options.onFailure?.({ error, attempt, retryInMs });
      await sleep(retryInMs, signal);
    }
  }
  return undefined;
}
