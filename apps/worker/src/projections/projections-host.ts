import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@referral/event-store';
import { EVENT_STORE, LOGGER, LocalProjections, PERSONAL_DATA_VAULT, READ_MODEL_DB, type Logger } from '@referral/platform';
import { KeyedDigest, type PersonalDataVault } from '@referral/personal-data';
import {
  ProjectionRegistry,
  ProjectionRunner,
  type LeasedComponent,
  type ProjectionDefinition,
  type ProjectionLogger,
  type ProjectionStatus,
} from '@referral/projections';
import { defaultSlaPolicy } from '@referral/case';
import { LinkedCaseOpener, Reactor, combinedReaction, keyErasureReaction, linkedCaseReaction, type ReactorStatus } from '@referral/case-workflows';
import { POLICE_REPORT_INDEX_SECRET, policeReportIndexProjection, readModelProjections } from '@referral/read-models';
import { statisticsProjections } from '@referral/statistics';
import type { SqlClient } from '@referral/sql';
import { errorFields, retryForever, sleep } from '@referral/resilience';
import { isAtLeast } from '@referral/projections';
import { ComponentLeases, leaseStateOf, type LeaseState } from '../leases/component-leases';

/** How often a worker that does not run a projection looks at its checkpoint (caughtUp). */
const STANDBY_POLL_MS = 500;

/**
 * Runs the read-model projections and reactions of this service, each from its checkpoint and
 * each only while this worker holds its lease (see ComponentLeases): with several workers, one
 * runs it and the others stand by. When the read-model database is not there at start-up, it
 * keeps trying (capped backoff, one log line per failure) and the leases are sought once it answers.
 */
@Injectable()
export class ProjectionsHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runners = new Map<string, ProjectionRunner>();
  private started!: () => void;
  /** Resolves once every runner has started (its tables and views exist). */
  readonly ready = new Promise<void>((resolve) => (this.started = resolve));
  private registry: ProjectionRegistry | null = null;
  private reactors: Reactor[] = [];
  private readonly leased = new Map<string, LeasedComponent>();
  private readonly stopping = new AbortController();
  private starting: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: SqlClient,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly local: LocalProjections,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    private readonly leases: ComponentLeases,
  ) {
    const policeReportIndex = policeReportIndexProjection({
      digests: new KeyedDigest(vault, POLICE_REPORT_INDEX_SECRET),
      personalData: { open: (value) => vault.openIfSealed(value) },
    });
    this.projections = [...readModelProjections, policeReportIndex, ...statisticsProjections];
  }

  readonly projections: readonly ProjectionDefinition[];

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
      this.runners.set(projection.name, runner);
      const name = projection.name;
      this.leased.set(
        `projection:${name}`,
        this.leases.keep(`projection:${name}`, {
          start: (lease) => {
            runner.start(undefined, lease);
            this.local.register(name, runner);
          },
          stop: async () => {
            this.local.unregister(name);
            await runner.stop();
          },
        }),
      );
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
    for (const reactor of this.reactors) this.leased.set(`reaction:${reactor.name}`, this.keepReactor(reactor));
  }

  /** Runs a reactor (this host's, or the deadlines') while this worker holds its lease. */
  keepReactor(reactor: Reactor): LeasedComponent {
    return this.leases.keep(`reaction:${reactor.name}`, { start: (lease) => reactor.start(lease), stop: () => reactor.stop() });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.starting;
    // Stops each runner and reactor, and hands its lease to a waiting worker.
    await Promise.all([...this.leased.values()].map((leased) => leased.stop()));
    this.leased.clear();
    this.runners.clear();
  }

  /** Every runner's status and every reaction's, with whether this worker holds it, for health. */
  get statuses(): { projections: Array<ProjectionStatus & { lease: LeaseState }>; reactions: Array<ReactorStatus & { lease: LeaseState }> } {
    return {
      projections: [...this.runners.values()].map((runner) => ({ ...runner.status, lease: this.leaseOf(`projection:${runner.status.projection}`) })),
      reactions: this.reactors.map((reactor) => ({ ...reactor.status, lease: this.leaseOf(`reaction:${reactor.name}`) })),
    };
  }

  private leaseOf(name: string): LeaseState {
    return leaseStateOf(this.leased.get(name));
  }

  /** The runner of a projection while this worker holds its lease. */
  runner(name: string): ProjectionRunner | undefined {
    return this.leaseOf(`projection:${name}`) === 'held' ? this.runners.get(name) : undefined;
  }

  /**
   * Resolves when the projection has applied everything in the store as of now: its runner here
   * says so, or (where another worker runs it) its checkpoint in the database reached the head.
   */
  async caughtUp(name: string, signal?: AbortSignal): Promise<void> {
    await this.ready;
    if (!this.runners.has(name)) throw new Error(`No projection ${name} is known here`);
    const head = await this.store.headPosition();
    while (!signal?.aborted) {
      const runner = this.runner(name);
      if (runner?.status.state === 'caught-up') return;
      const active = await this.registry?.active(name);
      if (active && isAtLeast(active.position, head)) return;
      await sleep(STANDBY_POLL_MS, signal);
    }
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
      debug: (message, fields) => log.debug(fields ?? {}, message),
      info: (message, fields) => log.info(fields ?? {}, message),
      warn: (message, fields) => log.warn(fields ?? {}, message),
      error: (message, fields) => log.error(fields ?? {}, message),
    };
  }
}
