import { Queue, Worker, type Job } from 'bullmq';
import { DEFAULTS, silentLogger, type DeadlineTimersOptions, type StartOptions, type TimerClock, type TimerHandler, type TimersLogger } from './options';
import { startLoop, type ReconciliationHandle } from './reconciliation-loop';
import { asTimer, delayMs, fireAtMs, timerJobId, traceOf, type DeadlineTimer } from './timer';
import { errorFields } from '@referral/resilience';
import { attachWorkerLogging } from './worker-logging';
import { Gate, sleepUntil } from './exact-instant';
import { StandAside } from './stand-aside';

interface TimerJobData extends DeadlineTimer {
  /** The instant the worker waits for before running the handler. */
  fireAtWallMs: number;
}

export interface ReconcileResult {
  /** Future timers made sure of (a no-op for those already armed). */
  armed: number;
  /** Timers already due, enqueued to fire at once. */
  fired: number;
}

const RECONCILE_PARALLELISM = 50;

/** The job states an operator watches: due and not taken, armed for later, being handled, kept after failing. */
export const QUEUE_STATES = ['waiting', 'delayed', 'active', 'failed'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];
export type QueueCounts = Record<QueueState, number>;

/**
 * Deadline timers as BullMQ delayed jobs with deterministic ids. A job is due `earlyMs` before
 * the timer and waits in the worker for the exact instant (see `DeadlineTimersOptions.earlyMs`). Delivery is at least once: a
 * stalled job (its worker died) runs again, and re-arming a timer whose job already completed
 * creates a new job that fires again (completed jobs are removed, so the id is free). The handler
 * must therefore be idempotent, which the deadline decider is.
 */
export class DeadlineTimers {
  private readonly queue: Queue;
  /** The BullMQ queue: `<queueName>.<storeId>`. */
  readonly queueName: string;
  private readonly clock: TimerClock;
  private readonly logger: TimersLogger;
  private readonly earlyMs: number;
  private worker: Worker | null = null;
  private readonly loops = new Set<ReconciliationHandle>();

  constructor(private readonly options: DeadlineTimersOptions) {
    this.queueName = storeQueueName(options.queueName ?? DEFAULTS.queueName, options.storeId);
    this.clock = options.clock;
    this.logger = options.logger ?? silentLogger;
    this.earlyMs = options.earlyMs ?? DEFAULTS.earlyMs;
    this.queue = new Queue(this.queueName, {
      connection: options.connection,
      prefix: options.prefix,
      defaultJobOptions: {
        attempts: options.retry?.attempts ?? DEFAULTS.attempts,
        backoff: { type: 'exponential', delay: options.retry?.backoffMs ?? DEFAULTS.backoffMs },
        // A finished job that stays in Redis makes a later add with its id a silent no-op.
        removeOnComplete: true,
        removeOnFail: { count: options.keepFailed ?? DEFAULTS.keepFailed },
      },
    });
    // Without a listener, a connection error (Redis away) is printed to the console by BullMQ.
    this.queue.on('error', (error: Error) => this.logger.warn('Deadline queue connection error', { error: errorFields(error) }));
  }

  /**
   * Schedules the timer to fire just after its due instant; arming it again changes nothing (the
   * job keeps the correlation and causation ids of its first arming).
   */
  async arm(timer: DeadlineTimer, now: Date = this.clock.now()): Promise<void> {
    const jobId = timerJobId(timer);
    const delay = delayMs(timer, now);
    // The fire instant on the wall clock, which BullMQ and the worker's wait both go by. BullMQ
    // counts a job's delay from the job's timestamp, which it would take when the add gets under
    // way: after the round trip below, and after its connection is ready. Under load or while
    // Redis recovers that is seconds later, and the timer would fire as much later (measured: the
    // first timer armed in bench:deadlines:service fired 6 to 35 s late). So it is given the instant
    // the delay was computed at.
    const wallNow = Date.now();
    const data: TimerJobData = { caseId: timer.caseId, kind: timer.kind, dueAt: timer.dueAt, ...traceOf(timer), fireAtWallMs: wallNow + delay };
    await this.clearFailed(jobId);
    await this.queue.add(timer.kind, data, { jobId, delay: Math.max(0, delay - this.earlyMs), timestamp: wallNow });
  }

  /** Removes the timer's job; a missing job, or one being handled right now, is left alone. */
  async cancel(timer: DeadlineTimer): Promise<void> {
    await this.queue.remove(timerJobId(timer));
  }

  /** How many jobs the queue holds in each state (BullMQ's own counts, one round trip). */
  async counts(): Promise<QueueCounts> {
    const counts = await this.queue.getJobCounts(...QUEUE_STATES);
    return Object.fromEntries(QUEUE_STATES.map((state) => [state, counts[state] ?? 0])) as QueueCounts;
  }

  get started(): boolean {
    return this.worker !== null;
  }

  async start(handler: TimerHandler, options: StartOptions = {}): Promise<void> {
    if (this.worker) throw new Error('DeadlineTimers already started');
    const concurrency = options.concurrency ?? DEFAULTS.concurrency;
    const gate = new Gate(concurrency);
    const bound = options.handlerTimeoutMs === undefined
      ? null
      : new StandAside(() => this.worker, options.handlerTimeoutMs, options.healthy ?? (async () => undefined), this.logger);
    const processJob = async (job: Job<TimerJobData>) => {
      await sleepUntil(job.data.fireAtWallMs);
      await gate.run(() => (bound ? bound.run(handler(asTimer(job.data))) : handler(asTimer(job.data))));
    };
    const worker = new Worker(this.queueName, processJob, {
      connection: this.options.connection,
      prefix: this.options.prefix,
      concurrency: concurrency + (options.waitingSlots ?? DEFAULTS.waitingSlots),
      maxStalledCount: options.maxStalledCount ?? DEFAULTS.maxStalledCount,
      // BullMQ merges options over its defaults, so an explicit undefined would erase one.
      ...(options.stalledInterval === undefined ? {} : { stalledInterval: options.stalledInterval }),
      ...(options.lockDuration === undefined ? {} : { lockDuration: options.lockDuration }),
    });
    attachWorkerLogging(worker, this.logger);
    this.worker = worker;
    await worker.waitUntilReady();
  }

  /**
   * Ends reconciliation, lets handlers under way finish, and closes worker and queue. With Redis
   * away no handler can finish and a polite close would wait for Redis forever, leaving the
   * worker's own connection reconnecting and its lock timer running: the worker is then closed
   * at once and its connections dropped (ioredis `disconnect`, not `quit`).
   */
  async stop(): Promise<void> {
    await Promise.all([...this.loops].map((loop) => loop.stop()));
    this.loops.clear();
    await this.worker?.close(this.options.connection.status !== 'ready');
    this.worker = null;
    await this.queue.close();
  }

  /**
   * Makes sure every expected open timer will fire: future ones are armed, due ones are enqueued
   * to fire now (through the worker, so they get its retries and concurrency bound). Re-arms all
   * that Redis lost; costs nothing for timers still armed.
   */
  async reconcile(expected: readonly DeadlineTimer[], now: Date = this.clock.now()): Promise<ReconcileResult> {
    let fired = 0;
    for (let i = 0; i < expected.length; i += RECONCILE_PARALLELISM) {
      const batch = expected.slice(i, i + RECONCILE_PARALLELISM);
      await Promise.all(batch.map((timer) => this.arm(timer, now)));
      fired += batch.filter((timer) => fireAtMs(timer) <= now.getTime()).length;
    }
    return { armed: expected.length - fired, fired };
  }

  /**
   * Reconciles from `source` now and every `everyMs` after each run; stopped by `stop()` too.
   * Between runs it looks every `watchEveryMs` for a marker it sets before each run: when Redis
   * has lost its data (FLUSHALL, a restart without persistence, a failover to an empty replica)
   * the marker is gone with the timers, and a run starts at once instead of at the next schedule.
   */
  async startReconciliation(
    source: () => Promise<DeadlineTimer[]>,
    everyMs: number,
    watchEveryMs: number = DEFAULTS.lossWatchMs,
  ): Promise<ReconciliationHandle> {
    const onError = (error: unknown) => this.logger.error('Deadline reconciliation failed; retrying on schedule', { error: errorFields(error) });
    const markerKey = `${this.options.prefix ?? 'bull'}:${this.queueName}:reconciled`;
    let tail: Promise<void> = Promise.resolve();
    // One run at a time, whichever loop starts it.
    const run = (): Promise<void> => {
      const next = tail.then(async () => {
        // Set first: a loss during the run takes the marker too, and the watch runs again.
        await this.options.connection.set(markerKey, String(this.clock.now().getTime()));
        await this.reconcile(await source());
      });
      tail = next.catch(() => undefined);
      return next;
    };
    const watch = async () => {
      if ((await this.options.connection.exists(markerKey)) === 1) return;
      this.logger.warn('Redis has lost the deadline timers (flushed, or restarted empty); re-arming every open deadline now', { queue: this.queueName });
      await run();
    };
    const loops = [await startLoop(run, everyMs, onError), await startLoop(watch, watchEveryMs, onError)];
    for (const loop of loops) this.loops.add(loop);
    return {
      stop: async () => {
        for (const loop of loops) this.loops.delete(loop);
        await Promise.all(loops.map((loop) => loop.stop()));
      },
    };
  }

  /** A failed job kept for inspection would swallow the add; a re-arm must fire again. */
  private async clearFailed(jobId: string): Promise<void> {
    if ((await this.queue.getJobState(jobId)) === 'failed') await this.queue.remove(jobId);
  }
}

/** BullMQ keeps a queue's keys under `<prefix>:<name>:`, so the name must hold no colon. */
export function storeQueueName(base: string, storeId: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(storeId)) throw new RangeError(`A store id for a queue name must be letters, digits, - or _, got "${storeId}"`);
  return `${base}.${storeId}`;
}
