/** Something that can tell when a projection has applied the event at a position. */
export interface PositionWaiter {
  waitForPosition(position: bigint, timeoutMs: number): Promise<void>;
}

/**
 * The projections running in this process, by name. The API waits on them directly when the
 * worker runs in the same process; otherwise it reads the checkpoint table.
 */
export class LocalProjections {
  private readonly waiters = new Map<string, PositionWaiter>();

  register(name: string, waiter: PositionWaiter): void {
    this.waiters.set(name, waiter);
  }

  unregister(name: string): void {
    this.waiters.delete(name);
  }

  get(name: string): PositionWaiter | undefined {
    return this.waiters.get(name);
  }
}
