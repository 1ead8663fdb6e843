export interface BackoffOptions {
  /** Delay before the first retry. @defaultValue 100 */
  initialMs?: number;
  /** The cap; the delay doubles per attempt up to it. @defaultValue 30000 */
  maxMs?: number;
  /**
   * Share of each delay (0 to 1) taken off at random, so many retrying clients spread out:
   * the delay lies in [d·(1 − jitter), d]. @defaultValue 0
   */
  jitter?: number;
  /** Source of the jitter, in [0, 1). @defaultValue Math.random */
  random?: () => number;
}

/** Delay before retry number `attempt` (1-based): doubling from `initialMs`, capped at `maxMs`, less any jitter. */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const initial = options.initialMs ?? 100;
  const max = options.maxMs ?? 30_000;
  const capped = Math.min(max, initial * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  const jitter = Math.min(1, Math.max(0, options.jitter ?? 0));
  if (jitter === 0) return capped;
  const random = options.random ?? Math.random;
  return Math.round(capped * (1 - jitter * random()));
}
