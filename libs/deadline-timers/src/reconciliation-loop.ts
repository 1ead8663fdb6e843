/** Handle of a running reconciliation schedule. */
export interface ReconciliationHandle {
  /** Stops the schedule; waits for a run under way to finish. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` now and then `everyMs` after each run ends, so runs never overlap however long one
 * takes. A failing run is reported and the schedule goes on: the next run is the retry.
 */
export async function startLoop(
  pass: () => Promise<void>,
  everyMs: number,
  onError: (error: unknown) => void,
): Promise<ReconciliationHandle> {
  if (!(everyMs > 0)) throw new RangeError('everyMs must be positive');
  let stopped = false;
  let pending: NodeJS.Timeout | null = null;
  let current: Promise<void> = Promise.resolve();

  const runOnce = async (): Promise<void> => {
    try {
      await pass();
    } catch (error) {
      onError(error);
    }
    if (!stopped) pending = setTimeout(() => (current = runOnce()), everyMs);
  };

  current = runOnce();
  await current;
  return {
    async stop() {
      stopped = true;
      if (pending) clearTimeout(pending);
      await current;
    },
  };
}
