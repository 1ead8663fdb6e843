/**
 * Holds a changing value and lets callers wait for it to satisfy a condition. Used for the
 * runner's status: waitForPosition, waiting for caught-up during a rebuild, hand-over.
 */
export class StatusWatch<T> {
  private readonly waiters = new Set<() => void>();

  constructor(private value: T) {}

  get current(): T {
    return this.value;
  }

  update(change: Partial<T>): void {
    this.value = { ...this.value, ...change };
    for (const check of [...this.waiters]) check();
  }

  /**
   * Resolves with the first value that satisfies `condition`; rejects with `onTimeout()` after
   * `timeoutMs`, or with the signal's reason when it aborts.
   */
  until(condition: (value: T) => boolean, options: { timeoutMs?: number; onTimeout?: () => Error; signal?: AbortSignal } = {}): Promise<T> {
    if (condition(this.value)) return Promise.resolve(this.value);
    return new Promise<T>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = (settle: () => void) => {
        this.waiters.delete(check);
        if (timer) clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        settle();
      };
      const check = () => {
        if (condition(this.value)) finish(() => resolve(this.value));
      };
      const onAbort = () => finish(() => reject(options.signal?.reason ?? new Error('Aborted')));
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      if (options.timeoutMs !== undefined) {
        timer = setTimeout(() => finish(() => reject(options.onTimeout?.() ?? new Error('Timed out'))), options.timeoutMs);
      }
      this.waiters.add(check);
    });
  }
}
