export interface WallClock {
  now(): number;
  /** Resolves after about `ms` milliseconds; it may end a little early. */
  wait(ms: number): Promise<void>;
}

const realClock: WallClock = {
  now: () => Date.now(),
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Resolves once `clock.now()` reaches `atMs` (at once if it has passed or is not a number). */
export async function sleepUntil(atMs: number, clock: WallClock = realClock): Promise<void> {
  // Node times a setTimeout from the event loop's cached time, so it can end a millisecond before
  // Date.now() gets there: a missed-deadline check run then would find the deadline still open.
  for (let wait = atMs - clock.now(); wait > 0; wait = atMs - clock.now()) {
    await clock.wait(wait);
  }
}

/** Runs at most `limit` pieces of work at once; the rest queue in arrival order. */
export class Gate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError('limit must be at least 1');
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
