import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  DeadlineChecker,
  Reactor,
  SlaChangeLog,
  SlaChangePublisher,
  type ReactorStatus,
  deadlineTimerReaction,
  slaChangeReaction,
} from '@referral/case-workflows';
import { DeadlineTimers, traceOf, type QueueCounts, type ReconciliationHandle, type TimerHandler } from '@referral/deadline-timers';
import type { EventStore } from '@referral/event-store';
import type { LeasedComponent } from '@referral/projections';
import type { Config } from '@referral/config';
import { CLOCK, CONFIG, EVENT_STORE, LOGGER, Metrics, READ_MODEL_DB, REDIS, STORE_IDENTITY, appendConflictMetrics, type Clock, type Logger } from '@referral/platform';
import { CaseQueries } from '@referral/read-models';
import type { SqlClient } from '@referral/sql';
import type { Redis } from 'ioredis';
import { FailureStreak, errorFields, retryForever, type FailureState } from '@referral/resilience';
import { ProjectionsHost } from '../projections/projections-host';
import { breachLabels, breachLateness } from '../metrics/breach-labels';
import { redisAnswers } from './redis-answers';
import { leaseStateOf, type LeaseState } from '../leases/component-leases';

const SLA_PROJECTION = 'sla';
const SHUTDOWN_WAIT_MS = 2000;
/** How long one start attempt waits for Redis before it counts as failed (and is retried). */
const REDIS_WAIT_MS = 5000;

/** Waits for `work`, but no longer than `ms`; answers whether it finished. */
async function atMost(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** How often every open deadline is re-armed from the read model (lost jobs, a flushed Redis). */
export const RECONCILE_EVERY_MS = 5 * 60_000;
/** A deadline check takes milliseconds; one that takes this long waits on a store it cannot reach. */
const CHECK_TIMEOUT_MS = 5_000;

/**
 * Deadline timers in the worker: BullMQ jobs fire CheckDeadlines; a reaction arms and cancels
 * them as cases change; reconciliation at start-up and on a schedule re-arms every open deadline
 * from the read model, and checks at once those that fell due while nothing ran.
 */
@Injectable()
export class DeadlinesHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private timers: DeadlineTimers | null = null;
  private reactors: Reactor[] = [];
  private readonly leased = new Map<string, LeasedComponent>();
  private reconciliation: ReconciliationHandle | null = null;
  private running: Promise<void> = Promise.resolve();
  private readonly stopping = new AbortController();
  private readonly streak = new FailureStreak();
  private state: 'starting' | 'running' | 'stopped' = 'starting';

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: SqlClient,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CONFIG) private readonly config: Config,
    private readonly projections: ProjectionsHost,
    @Inject(STORE_IDENTITY) private readonly storeId: string,
    private readonly metrics: Metrics,
  ) {}

  /**
   * Starts in the background: the service comes up (and says so on /health) while Redis or the
   * read model is not there yet, and the deadlines start as soon as they are.
   */
  async onApplicationBootstrap(): Promise<void> {
    const log = this.logger.child({ component: 'deadlines' });
    const logFields = { error: (message: string, fields: Record<string, unknown>) => log.error(fields, message) };
    const timers = new DeadlineTimers({
      connection: this.redis,
      prefix: this.config.redisPrefix,
      storeId: this.storeId,
      clock: this.clock,
      logger: { ...logFields, warn: (message, fields) => log.warn(fields, message) },
    });
    this.timers = timers;
    const publisher = new SlaChangePublisher(this.redis, this.config.redisPrefix, new SlaChangeLog(this.db), this.clock);
    const checker = new DeadlineChecker(
      this.store,
      publisher,
      this.clock,
      ({ caseId, kind }) => {
        log.warn({ caseId, kind }, 'Deadline timer for a case this store does not know; dropped');
        this.metrics.deadlineJobsForUnknownCase.inc({ kind });
      },
      (events) => {
        for (const event of events) {
          const labels = breachLabels(event);
          if (labels) this.metrics.deadlineBreaches.inc(labels);
          const late = breachLateness(event);
          if (late) this.metrics.deadlineLateness.observe({ rule: late.rule }, late.seconds);
        }
      },
      appendConflictMetrics(this.metrics),
    );
    this.reactors = [
      new Reactor(this.store, this.db, deadlineTimerReaction(this.store, timers), logFields),
      new Reactor(this.store, this.db, slaChangeReaction(this.store, publisher, this.clock), logFields),
    ];
    // Ids only: the case, the deadline, and the correlation id of the event that armed it.
    const fire: TimerHandler = (timer) => {
      log.info({ kind: timer.kind, caseId: timer.caseId, dueAt: timer.dueAt, ...traceOf(timer) }, 'Deadline timer fired');
      return checker.fire(timer);
    };
    this.running = this.run(timers, fire, log);
  }

  /** Where deadline processing stands, for health: running, or starting and how its attempts fail. */
  get status(): { state: 'starting' | 'retrying' | 'running' | 'stopped' } & FailureState {
    const failure = this.streak.current;
    return { state: this.state === 'starting' && failure.attempt > 0 ? 'retrying' : this.state, ...failure };
  }

  /** The deadline queue's job counts; `null` before the timers exist. */
  async queueCounts(): Promise<QueueCounts | null> {
    return this.timers ? this.timers.counts() : null;
  }

  /** The deadline reactions, each with whether this worker holds its lease (the timers themselves go to any free worker). */
  get reactionStatuses(): Array<ReactorStatus & { lease: LeaseState }> {
    return this.reactors.map((reactor) => ({ ...reactor.status, lease: leaseStateOf(this.leased.get(reactor.name)) }));
  }

  /** Until it has started, each failed attempt is logged and retried with capped backoff, forever. */
  private async run(timers: DeadlineTimers, fire: TimerHandler, log: Logger): Promise<void> {
    const signal = this.stopping.signal;
    const started = await retryForever(() => this.startOnce(timers, fire, signal), {
      signal,
      backoff: { initialMs: 500, maxMs: 30_000 },
      streak: this.streak,
      now: () => this.clock.now(),
      onFailure: ({ error, attempt, retryInMs }) =>
        log.error({ attempt, retryInMs, error: errorFields(error) }, 'Deadline processing could not start; retrying'),
    });
    if (started) this.state = 'running';
  }

  private async startOnce(timers: DeadlineTimers, fire: TimerHandler, signal: AbortSignal): Promise<boolean> {
    await redisAnswers(this.redis, REDIS_WAIT_MS);
    // Handlers take milliseconds: a short lock lets a restarted worker take over a job the dead one held within seconds.
    // In the scaled shape a check that takes 5 s is stuck on the store (this worker cut off): the
    // timer goes to another worker meanwhile. The embedded shape's one process has nobody to hand it to.
    const standAside = this.config.eventStore === 'embedded' ? {} : { handlerTimeoutMs: CHECK_TIMEOUT_MS, healthy: () => this.store.headPosition() };
    if (!timers.started) await timers.start(fire, { lockDuration: 10_000, stalledInterval: 5_000, ...standAside });
    for (const reactor of this.reactors) {
      if (!signal.aborted && !this.leased.has(reactor.name)) this.leased.set(reactor.name, this.projections.keepReactor(reactor));
    }
    // Reconcile from a read model that has caught up, or deadlines of recent cases would be missed.
    await this.projections.caughtUp(SLA_PROJECTION, signal);
    if (signal.aborted) return false;
    const queries = new CaseQueries(this.db);
    this.reconciliation = await timers.startReconciliation(() => queries.openDeadlines(), RECONCILE_EVERY_MS);
    return true;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    this.state = 'stopped';
    await atMost(this.running, SHUTDOWN_WAIT_MS);
    await this.reconciliation?.stop();
    await Promise.all([...this.leased.values()].map((leased) => leased.stop()));
    // BullMQ waits for Redis to close its connections; without Redis, shutting down must not hang.
    if (this.timers && !(await atMost(this.timers.stop(), SHUTDOWN_WAIT_MS))) {
      this.logger.warn({ component: 'deadlines' }, 'Deadline timers did not close in time (is Redis away?)');
    }
  }

  /** One reconciliation pass now (operators after an incident; tests). */
  async reconcileNow(): Promise<{ armed: number; fired: number }> {
    if (!this.timers) throw new Error('Deadline timers have not started');
    return this.timers.reconcile(await new CaseQueries(this.db).openDeadlines());
  }
}
