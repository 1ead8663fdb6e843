export interface WaitOptions {
  /** What the wait is for, named in the failure; a function is asked only then, so it can tell the state. */
  readonly what?: string | (() => string | Promise<string>);
  readonly timeoutMs?: number;
  readonly everyMs?: number;
}

/**
 * The one polling wait of the tests: asks `probe` until it answers something other than
 * `undefined` or `false`, and returns that answer; after the time limit it fails naming what it
 * waited for (by default the probe's own source). A probe that throws ends the wait with its
 * error: a broken probe is not "not yet". `limits` may be just the time limit in milliseconds.
 */
export async function eventually<T>(
  probe: () => T | Promise<T>,
  limits: number | WaitOptions = {},
  everyMs = 50,
): Promise<Exclude<T, undefined | false>> {
  const options: WaitOptions = typeof limits === 'number' ? { timeoutMs: limits, everyMs } : limits;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const giveUp = Date.now() + timeoutMs;
  for (;;) {
    const answer = await probe();
    if (answer !== undefined && answer !== false) return answer as Exclude<T, undefined | false>;
    if (Date.now() >= giveUp) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${await describe(options.what, probe)}`);
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? everyMs));
  }
}

async function describe(what: WaitOptions['what'], probe: () => unknown): Promise<string> {
  if (typeof what === 'string') return what;
  if (what) return what();
  return String(probe).replace(/\s+/g, ' ').slice(0, 300);
}
