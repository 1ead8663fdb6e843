export interface BackoffOptions {
  /** @defaultValue 100 */
  initialDelayMs?: number;
  /** @defaultValue 10000 */
  maxDelayMs?: number;
}

/** Delay before re-opening after `failures` consecutive failures (1, 2, ...): doubling, capped. */
export function backoffDelay(failures: number, { initialDelayMs = 100, maxDelayMs = 10_000 }: BackoffOptions = {}): number {
  return Math.min(maxDelayMs, initialDelayMs * 2 ** Math.max(0, failures - 1));
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
