/**
 * Runs work in lanes: the items of one lane one after another, in the order they were added;
 * lanes side by side, at most `concurrency` items at a time in all. A lane that has run an item
 * goes to the back of the line, so a long lane does not hold the others back.
 */
export class Lanes {
  private readonly queued = new Map<string, Array<() => Promise<void>>>();
  private readonly ready: string[] = [];
  private readonly busy = new Set<string>();
  private running = 0;
  private waiting = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly concurrency: number) {
    if (!(concurrency >= 1)) throw new RangeError(`concurrency must be at least 1, got ${concurrency}`);
  }

  /** Items added and not yet started. */
  get pending(): number {
    return this.waiting;
  }

  /** Adds `work` at the end of `lane`; it starts once the lane's earlier items are done and a slot is free. */
  add(lane: string, work: () => Promise<void>): void {
    let items = this.queued.get(lane);
    if (!items) this.queued.set(lane, (items = []));
    items.push(work);
    this.waiting += 1;
    if (items.length === 1 && !this.busy.has(lane)) this.ready.push(lane);
    this.pump();
  }

  /** Resolves once at most `count` items are waiting to start (none running counts). */
  async pendingAtMost(count: number): Promise<void> {
    while (this.waiting > count) await this.changed();
  }

  /** Resolves once every item added so far has run. */
  async idle(): Promise<void> {
    while (this.waiting > 0 || this.running > 0) await this.changed();
  }

  private pump(): void {
    while (this.running < this.concurrency && this.ready.length > 0) {
      const lane = this.ready.shift()!;
      const items = this.queued.get(lane)!;
      const work = items.shift()!;
      if (items.length === 0) this.queued.delete(lane);
      this.waiting -= 1;
      this.running += 1;
      this.busy.add(lane);
      // Work reports its own failures (PlanRun.step never rejects); a rejection still frees the slot.
      void work().catch(() => undefined).finally(() => this.finished(lane));
    }
  }

  private finished(lane: string): void {
    this.running -= 1;
    this.busy.delete(lane);
    if (this.queued.has(lane)) this.ready.push(lane);
    this.pump();
    for (const listener of [...this.listeners]) listener();
  }

  private changed(): Promise<void> {
    return new Promise((resolve) => {
      const listener = () => {
        this.listeners.delete(listener);
        resolve();
      };
      this.listeners.add(listener);
    });
  }
}
