import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@referral/event-store';
import { EVENT_STORE, LOGGER, LocalProjections, PERSONAL_DATA_VAULT, READ_MODEL_DB, type Logger } from '@referral/platform';
import type { PersonalDataVault } from '@referral/personal-data';
import { ProjectionRegistry, ProjectionRunner, type ProjectionDefinition, type ProjectionLogger, type ProjectionStatus } from '@referral/projections';
import { defaultSlaPolicy } from '@referral/case';
import { LinkedCaseOpener, Reactor, combinedReaction, keyErasureReaction, linkedCaseReaction, type ReactorStatus } from '@referral/case-workflows';
import { readModelProjections } from '@referral/read-models';
import { statisticsProjections } from '@referral/statistics';
import type { SqlClient } from '@referral/sql';
import { errorFields, retryForever } from '@referral/resilience';

/**
 * Runs every read-model projection of this service from its checkpoint while the process lives.
 * When the read-model database is not there at start-up, it keeps trying (capped backoff, one log
 * line per failure) and the runners start once it answers.
 */
@Injectable()
export class ProjectionsHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runners = new Map<string, ProjectionRunner>();
  private started!: () => void;
  /** Resolves once every runner has started (its tables and views exist). */
  readonly ready = new Promise<void>((resolve) => (this.started = resolve));
  private registry: ProjectionRegistry | null = null;
  private reactors: Reactor[] = [];
  private readonly stopping = new AbortController();
  private starting: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: SqlClient,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly local: LocalProjections,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  get projections(): readonly ProjectionDefinition[] {
    return [...readModelProjections, ...statisticsProjections];
  }

  async onApplicationBootstrap(): Promise<void> {
    const log = this.logger.child({ component: 'projections' });
    let firstAttemptEnded!: () => void;
    const firstAttempt = new Promise<void>((resolve) => (firstAttemptEnded = resolve));
    this.starting = retryForever(() => this.startRunners().finally(firstAttemptEnded), {
      signal: this.stopping.signal,
      backoff: { initialMs: 500, maxMs: 30_000 },
      onFailure: ({ error, attempt, retryInMs }) =>
        log.error({ attempt, retryInMs, error: errorFields(error) }, 'Projections could not start; retrying'),
    }).finally(firstAttemptEnded);
    await firstAttempt;
    await this.startReactions();
  }

  private async startRunners(): Promise<void> {
    const registry = await ProjectionRegistry.open(this.db);
    this.registry = registry;
    for (const projection of this.projections) {
      if (this.runners.has(projection.name)) continue;
      await registry.ensure(projection);
      const runner = new ProjectionRunner({ store: this.store, registry, projection, logger: this.projectionLogger() });
      runner.start();
      this.runners.set(projection.name, runner);
      this.local.register(projection.name, runner);
    }
    this.started();
  }

  private async startReactions(): Promise<void> {
    // Reactions follow events up with commands (idempotent appends), from their own checkpoints.
    const log = this.logger.child({ component: 'reactions' });
    const logger = { error: (message: string, fields: Record<string, unknown>) => log.error(fields, message) };
    const followUps = combinedReaction('case-follow-ups', [
      linkedCaseReaction(new LinkedCaseOpener(this.store, defaultSlaPolicy, this.vault)),
      keyErasureReaction(this.vault),
    ]);
    this.reactors = [new Reactor(this.store, this.db, followUps, logger)];
    for (const reactor of this.reactors) await reactor.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.starting;
    for (const reactor of this.reactors) await reactor.stop();
    for (const [name, runner] of this.runners) {
      this.local.unregister(name);
      await runner.stop();
    }
    this.runners.clear();
  }

  /** Every runner's status and every reaction's, for health. */
  get statuses(): { projections: ProjectionStatus[]; reactions: ReactorStatus[] } {
    return {
      projections: [...this.runners.values()].map((runner) => runner.status),
      reactions: this.reactors.map((reactor) => reactor.status),
    };
  }

  runner(name: string): ProjectionRunner | undefined {
    return this.runners.get(name);
  }

  /** Resolves when the projection has applied everything in the store as of now. */
  async caughtUp(name: string, signal?: AbortSignal): Promise<void> {
    await this.ready;
    const runner = this.runners.get(name);
    if (!runner) throw new Error(`No projection ${name} runs here`);
    await runner.waitForStatus((status) => status.state === 'caught-up', signal);
  }

  get eventStore(): EventStore {
    return this.store;
  }

  get projectionRegistry(): ProjectionRegistry | null {
    return this.registry;
  }

  private projectionLogger(): ProjectionLogger {
    const log = this.logger.child({ component: 'projections' });
    return {
      info: (message, fields) => log.info(fields ?? {}, message),
      warn: (message, fields) => log.warn(fields ?? {}, message),
      error: (message, fields) => log.error(fields ?? {}, message),
    };
  }
}
