import type { EventStore } from '@referral/event-store';
import { BackgroundLoop, backoffDelay, errorFields, retryForever, sleep, type BackoffOptions } from '@referral/resilience';
import { silentLogger, type ProjectionDefinition, type ProjectionLogger } from '../projection';
import type { ProjectionRegistry } from '../projection-registry';
import type { ProjectionRunner } from '../projection-runner';
import { rebuildProjection } from '../rebuild';
import { ClaimKeeper } from './claim-keeper';
import type { RebuildClaim } from './rebuild-request';
import type { RebuildRequestStore } from './rebuild-request-store';
import { progressView } from './rebuild-state';

export interface RebuildRequestWorkerOptions {
  requests: RebuildRequestStore;
  store: EventStore;
  registry: ProjectionRegistry;
  /** The projections this worker runs; it claims requests for these alone. */
  projections: readonly ProjectionDefinition[];
  /** The live runner of a projection in this process, handed the rebuilt generation. */
  liveRunner?: (projection: string) => ProjectionRunner | undefined;
  /** Names this worker in the request rows (`claimed_by`). */
  worker: string;
  /** How often to look for a request (a request made in this process wakes it at once). @defaultValue 1000 */
  pollMs?: number;
  /** Heartbeat of a running claim, beside the progress writes. @defaultValue 10000 */
  heartbeatMs?: number;
  /** At most one progress write per interval. @defaultValue 1000 */
  progressIntervalMs?: number;
  /** Give a claim up when no heartbeat got through for this long; match the store's. @defaultValue 60000 */
  staleAfterMs?: number;
  logger?: ProjectionLogger;
  /** @defaultValue Date.now */
  now?: () => number;
  /** For the rebuild's runner (tests). */
  batchSize?: number;
  backoff?: BackoffOptions;
}

/**
 * Runs the rebuilds asked for in `projection_rebuild_requests`, one at a time: claims one (see
 * RebuildRequestStore.claim), rebuilds with `rebuildProjection` (which resumes a half-built
 * generation left by a worker that died), keeps the claim alive with heartbeats and throttled
 * progress, and records the outcome. A claim lost to another worker stops the rebuild and writes
 * nothing more; on `stop()` the request goes back to pending for another worker to resume.
 */
export class RebuildRequestWorker {
  private readonly looking = new BackgroundLoop((signal) => this.loop(signal));
  private readonly byName: Map<string, ProjectionDefinition>;
  private readonly logger: ProjectionLogger;
  private readonly now: () => number;
  private current: RebuildClaim | null = null;

  constructor(private readonly options: RebuildRequestWorkerOptions) {
    this.byName = new Map(options.projections.map((p) => [p.name, p]));
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? Date.now;
  }

  /** The claim being worked on, if any. */
  get claim(): RebuildClaim | null {
    return this.current;
  }

  start(): void {
    this.looking.start();
  }

  /** Stops looking, aborts a rebuild under way and hands its request back. */
  stop(): Promise<void> {
    return this.looking.stop();
  }

  private async loop(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      let claim: RebuildClaim | null;
      try {
        claim = await this.options.requests.claim([...this.byName.keys()], this.options.worker);
        failures = 0;
      } catch (error) {
        failures += 1;
        const retryInMs = backoffDelay(failures, { initialMs: 500, maxMs: 30_000 });
        this.logger.error('Rebuild requests could not be read; retrying', { attempt: failures, retryInMs, error: errorFields(error) });
        await sleep(retryInMs, signal);
        continue;
      }
      if (claim) await this.run(claim, signal);
      else await this.options.requests.waitForRequest(this.options.pollMs ?? 1000, signal);
    }
  }

  private async run(claim: RebuildClaim, stopping: AbortSignal): Promise<void> {
    const { requests } = this.options;
    const staleAfterMs = this.options.staleAfterMs ?? 60_000;
    const keeper = new ClaimKeeper(requests, claim, staleAfterMs, this.now, this.logger);
    const signal = AbortSignal.any([stopping, keeper.lost.signal]);
    const heartbeat = setInterval(() => keeper.beat(), this.options.heartbeatMs ?? 10_000);
    const fields = { projection: claim.projection, attempt: claim.attempt, takenOver: claim.takenOver };
    this.current = claim;
    this.logger.info('Projection rebuild claimed', fields);
    try {
      await rebuildProjection(this.options.store, this.options.registry, this.byName.get(claim.projection)!, {
        liveRunner: this.options.liveRunner?.(claim.projection),
        signal,
        progressIntervalMs: this.options.progressIntervalMs ?? 1000,
        onProgress: (progress) => keeper.report(progressView(progress)),
        logger: this.logger,
        batchSize: this.options.batchSize,
        backoff: this.options.backoff,
      });
      clearInterval(heartbeat);
      await keeper.settled();
      await this.record(claim, stopping, () => requests.finish(claim, keeper.progress));
    } catch (error) {
      clearInterval(heartbeat);
      await keeper.settled();
      if (keeper.lost.signal.aborted) {
        this.logger.warn('Projection rebuild stopped: its claim went to another worker', fields);
      } else if (stopping.aborted) {
        await requests.release(claim).catch((failure: unknown) =>
          this.logger.warn('Projection rebuild could not be handed back; another worker takes it once its heartbeat is stale', { ...fields, error: errorFields(failure) }),
        );
      } else {
        const { name, code } = errorFields(error);
        await this.record(claim, stopping, () => requests.fail(claim, { name, ...(code === undefined ? {} : { code }) }));
      }
    } finally {
      clearInterval(heartbeat);
      this.current = null;
    }
  }

  /** Writes the outcome, retrying while the database is away; a lost claim is only logged. */
  private async record(claim: RebuildClaim, stopping: AbortSignal, write: () => Promise<boolean>): Promise<void> {
    const fields = { projection: claim.projection, attempt: claim.attempt };
    const recorded = await retryForever(write, {
      signal: stopping,
      backoff: { initialMs: 500, maxMs: 10_000 },
      onFailure: ({ error, attempt, retryInMs }) =>
        this.logger.error('Projection rebuild outcome could not be recorded; retrying', { ...fields, attempt, retryInMs, error: errorFields(error) }),
    });
    if (recorded === false) this.logger.warn('Projection rebuild ended after its claim went to another worker', fields);
  }
}
