import type { EventStore } from '@referral/event-store';
import type { BackoffOptions } from '@referral/resilience';
import { dropGeneration, prepareRebuildGeneration, swapToGeneration } from './generation-swap';
import { HeadTracker } from './head-tracker';
import { isAtLeast } from './positions';
import { silentLogger, type ProjectionDefinition, type ProjectionLogger } from './projection';
import type { ProjectionRegistry } from './projection-registry';
import { ProjectionRunner } from './projection-runner';
import { RebuildProgressTracker, type RebuildProgress } from './rebuild-progress';
import { failureLogFields } from './runner-status';

/**
 * Events a rebuild reads and applies per transaction: a rebuild reads what is stored, so larger
 * batches mean fewer statements per event (a case's events more often fall in one batch, and its
 * row is written once for them). Live runners keep theirs small: they wait on few events at a time.
 */
export const REBUILD_BATCH_SIZE = 2000;

export interface RebuildOptions {
  /** Called at start, at most every `progressIntervalMs` while running, and once at 100 %. */
  onProgress?: (progress: RebuildProgress) => void;
  /** @defaultValue 1000 */
  progressIntervalMs?: number;
  /** The runner serving this projection in this process; it is handed the new generation. */
  liveRunner?: ProjectionRunner;
  /** Aborting leaves the half-built generation in place; the next rebuild resumes it. */
  signal?: AbortSignal;
  logger?: ProjectionLogger;
  /** @defaultValue REBUILD_BATCH_SIZE */
  batchSize?: number;
  backoff?: BackoffOptions;
  now?: () => number;
}

export interface RebuildResult {
  generation: number;
  previousGeneration: number;
  eventsApplied: number;
}

/**
 * Builds the next generation from position zero into fresh tables while the active one keeps
 * serving, swaps when it has caught up with the live one, hands the live runner over, and drops
 * the old tables.
 */
export async function rebuildProjection(
  store: EventStore,
  registry: ProjectionRegistry,
  projection: ProjectionDefinition,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? Date.now;
  const interval = options.progressIntervalMs ?? 1000;
  await registry.ensure(projection);
  const prepared = await prepareRebuildGeneration(registry.db, projection);
  const { generation } = prepared;
  logger.info('Projection rebuild started', { projection: projection.name, generation, resumedAt: String(prepared.position) });

  const tracker = new RebuildProgressTracker(projection.name, generation, prepared.position, now);
  const head = new HeadTracker(store, interval, now);
  tracker.setHead(await head.refresh(true));
  const report = (finished = false) => options.onProgress?.(tracker.snapshot(finished));
  report();
  let lastReport = now();
  const runner = new ProjectionRunner({
    store,
    registry,
    projection,
    generation,
    logger,
    batchSize: options.batchSize ?? REBUILD_BATCH_SIZE,
    backoff: options.backoff,
    onBatchCommitted: ({ position, events }) => {
      tracker.record(position, events);
      void head.refresh().then((h) => tracker.setHead(h), () => undefined);
      if (now() - lastReport >= interval) {
        lastReport = now();
        report();
      }
    },
  });

  runner.start(options.signal);
  let previousGeneration: number;
  try {
    previousGeneration = await untilSwapped(registry, projection, runner, generation, options.signal);
  } catch (error) {
    if (!options.signal?.aborted) logger.error('Projection rebuild failed', { projection: projection.name, generation, ...failureLogFields(error) });
    throw error;
  } finally {
    await runner.stop();
  }

  const live = options.liveRunner;
  if (live && live.status.state !== 'stopped') {
    live.handOver();
    await live.waitForStatus((s) => s.generation === generation || s.state === 'stopped', options.signal);
  }
  if (previousGeneration !== generation) await dropGeneration(registry.db, projection.name, previousGeneration);
  report(true);
  logger.info('Projection rebuild swapped in', { projection: projection.name, generation, previousGeneration });
  return { generation, previousGeneration, eventsApplied: runner.status.eventsApplied };
}

/** Waits until the rebuilt generation has caught up with the live one and swaps it in; answers the previous generation. */
async function untilSwapped(
  registry: ProjectionRegistry,
  projection: ProjectionDefinition,
  runner: ProjectionRunner,
  generation: number,
  signal: AbortSignal | undefined,
): Promise<number> {
  for (;;) {
    const live = await registry.active(projection.name);
    const ready = await runner.waitForStatus(
      (s) => s.state === 'stopped' || (s.state === 'caught-up' && isAtLeast(s.position, live?.position ?? null)),
      signal,
    );
    if (ready.state === 'stopped') throw new Error(`Rebuild of ${projection.name} stopped before it caught up`);
    const swap = await swapToGeneration(registry.db, projection, generation);
    if (swap.swapped) return swap.previous;
  }
}
