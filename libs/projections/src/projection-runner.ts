import { eventBatches, type EventStore } from '@referral/event-store';
import { applyBatch, concerns, skipBatch, type BatchTarget } from './apply-batch';
import { BackgroundLoop, backoffDelay, sleep, type BackoffOptions } from '@referral/resilience';
import { CheckpointMovedError, GenerationGoneError, GenerationSwappedError, WaitForPositionTimeoutError } from './errors';
import { batchLogFields } from './batch-log-fields';
import { LeaseLostError, type Lease } from './leases/lease';
import { resolveRunnerTarget, type RunnerTarget } from './runner-target';
import { isAtLeast, type Position } from './positions';
import { silentLogger, type ProjectionDefinition, type ProjectionLogger } from './projection';
import type { ProjectionRegistry } from './projection-registry';
import { HeadTracker } from './head-tracker';
import { failureLogFields, initialStatus, type ProjectionStatus } from './runner-status';
import { StatusWatch } from './status-watch';

export interface ProjectionRunnerOptions {
  store: EventStore;
  registry: ProjectionRegistry;
  projection: ProjectionDefinition;
  /** Fill this generation (a rebuild) instead of following the active one. */
  generation?: number;
  logger?: ProjectionLogger;
  /** Most events per transaction while catching up. @defaultValue 500 */
  batchSize?: number;
  backoff?: BackoffOptions;
  /** After each committed batch (rebuild progress). */
  onBatchCommitted?: (committed: { position: bigint; events: number }) => void;
}

/**
 * Feeds a projection from the store's subscription, starting after its checkpoint; each batch
 * and the checkpoint commit together (see applyBatch). A failing batch is retried from the
 * stored checkpoint with backoff; losing a checkpoint race or a generation swap restarts at once.
 */
export class ProjectionRunner {
  private readonly watch: StatusWatch<ProjectionStatus>;
  private readonly logger: ProjectionLogger;
  private readonly head: HeadTracker;
  private readonly running = new BackgroundLoop((signal) => this.run(signal));
  private cycle: AbortController | null = null;
  private lease: Lease | undefined;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.watch = new StatusWatch(initialStatus(options.projection.name));
    this.logger = options.logger ?? silentLogger;
    this.head = new HeadTracker(options.store);
  }

  get status(): ProjectionStatus {
    return this.watch.current;
  }

  /**
   * Runs until `stop()` or until `signal` aborts. Under a `lease`, every batch is fenced by it and
   * the runner stops when it finds the lease gone.
   */
  start(signal?: AbortSignal, lease?: Lease): void {
    if (this.running.active) throw new Error(`Runner of ${this.options.projection.name} is already running`);
    this.lease = lease;
    this.watch.update({ state: 'starting', eventsApplied: 0 });
    this.running.start(signal);
  }

  stop(): Promise<void> {
    return this.running.stop();
  }

  /** Resolves once the read model includes the event at `position` (checkpoint >= position). */
  async waitForPosition(position: bigint, timeoutMs: number): Promise<void> {
    await this.watch.until((s) => isAtLeast(s.position, position), {
      timeoutMs,
      onTimeout: () => new WaitForPositionTimeoutError(this.options.projection.name, position, this.status.position, timeoutMs),
    });
  }

  waitForStatus(condition: (status: ProjectionStatus) => boolean, signal?: AbortSignal): Promise<ProjectionStatus> {
    return this.watch.until(condition, { signal });
  }

  /** Drops the current subscription (or backoff wait) and starts over from the registry. */
  handOver(): void {
    this.cycle?.abort();
  }

  private async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      const cycle = new AbortController();
      const stopCycle = () => cycle.abort();
      signal.addEventListener('abort', stopCycle, { once: true });
      this.cycle = cycle;
      try {
        await this.consume(cycle.signal, () => (failures = 0));
        if (!cycle.signal.aborted) throw new Error('The subscription ended without being stopped');
      } catch (error) {
        // Stopped or handed over: the subscription may end by throwing its abort reason.
        if (cycle.signal.aborted) continue;
        if (error instanceof CheckpointMovedError || error instanceof GenerationSwappedError) {
          this.logger.info('Projection checkpoint or generation moved; reloading', this.logFields(error));
          continue;
        }
        if (error instanceof LeaseLostError) {
          this.logger.warn('Projection lease is gone; runner stops', this.logFields(error));
          break;
        }
        if (error instanceof GenerationGoneError && this.options.generation !== undefined) {
          this.logger.warn('Projection generation was dropped; runner stops', this.logFields(error));
          break;
        }
        failures += 1;
        const retryInMs = backoffDelay(failures, this.options.backoff);
        const message = error instanceof Error ? error.message : String(error);
        this.watch.update({ state: 'failing', lastError: message, failingSince: this.status.failingSince ?? new Date() });
        this.logger.error('Projection batch failed; retrying', { ...this.logFields(error), attempt: failures, retryInMs });
        await sleep(retryInMs, cycle.signal);
      } finally {
        signal.removeEventListener('abort', stopCycle);
        cycle.abort();
      }
    }
    this.watch.update({ state: 'stopped' });
  }

  private async consume(signal: AbortSignal, onCommitted: () => void): Promise<void> {
    const target: RunnerTarget = await resolveRunnerTarget(this.options.registry, this.options.projection, this.options.generation);
    let position: Position = target.position;
    this.watch.update({ generation: target.generation, position });
    const batchTarget: BatchTarget = { ...target, projection: this.options.projection, ...(this.lease ? { lease: this.lease } : {}) };
    const subscription = this.options.store.subscribe({ after: position, signal, batchSize: this.options.batchSize ?? 500 });
    for await (const batch of eventBatches(subscription[Symbol.asyncIterator](), this.options.batchSize ?? 500)) {
      if (batch.events.length > 0) {
        const after = position;
        const apply = concerns(this.options.projection, batch.events) ? applyBatch : skipBatch;
        position = await apply(this.options.registry.db, batchTarget, position, batch.events);
        this.logger.debug?.('Projection batch applied', batchLogFields(this.options.projection.name, target.generation, after, batch.events));
        onCommitted();
        this.options.onBatchCommitted?.({ position, events: batch.events.length });
      } else if (this.status.state === 'failing') {
        continue; // only a committed batch ends a failure
      }
      const caughtUp = batch.caughtUp && (await this.head.nothingAfter(position));
      const lag = caughtUp ? 0 : await this.head.lagBehind(position, batch.events.length);
      this.watch.update({
        position,
        lag,
        state: caughtUp ? 'caught-up' : 'catching-up',
        eventsApplied: this.status.eventsApplied + batch.events.length,
        lastError: null,
        failingSince: null,
      });
    }
  }

  private logFields(error: unknown): Record<string, unknown> {
    const { projection, generation, position } = this.status;
    return { projection, generation, position: position === null ? null : String(position), ...failureLogFields(error) };
  }
}
