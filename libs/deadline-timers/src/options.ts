import type { Redis } from 'ioredis';
import type { DeadlineTimer } from './timer';

export interface TimerClock {
  now(): Date;
}

/** Structured log lines; fields hold ids, kinds and counts only, never personal data. */
export interface TimersLogger {
  error(message: string, fields: Record<string, unknown>): void;
  warn(message: string, fields: Record<string, unknown>): void;
}

export interface DeadlineTimersOptions {
  /** Owned by the caller, who closes it after `stop()`. BullMQ needs `maxRetriesPerRequest: null`. */
  connection: Redis;
  /**
   * The id of the event store whose cases the timers belong to (`readOrAssignStoreIdentity`). It
   * is part of the queue's name, so deployments of two stores that share a Redis and a prefix
   * never take each other's jobs.
   */
  storeId: string;
  /** The queue's name before the store id. @defaultValue 'referral-deadlines' */
  queueName?: string;
  /** Redis key prefix; a unique one per test keeps tests apart. @defaultValue BullMQ's 'bull' */
  prefix?: string;
  /** Source of "now" for delay computation. BullMQ itself schedules by the wall clock. */
  clock: TimerClock;
  logger?: TimersLogger;
  /** Retries of a failing handler. @defaultValue \{ attempts: 10, backoffMs: 1000 \} (exponential) */
  retry?: { attempts?: number; backoffMs?: number };
  /** Failed jobs kept for inspection. @defaultValue 1000 */
  keepFailed?: number;
  /**
   * How early BullMQ hands a job to the worker, which then waits in memory for the exact instant.
   * Redis ends a blocking wait only on its `hz` tick (100 ms at the default 10), so a bare delayed
   * job fires up to a tick late. 0 leaves the timing to BullMQ alone. @defaultValue 200
   */
  earlyMs?: number;
}

export type TimerHandler = (timer: DeadlineTimer) => Promise<void>;

export interface StartOptions {
  /** Handlers run at once by this process. @defaultValue 20 */
  concurrency?: number;
  /** Jobs this process may hold while they wait for their instant, beside those running. @defaultValue 1000 */
  waitingSlots?: number;
  /** How often this worker looks for jobs whose worker died. @defaultValue 30000 (BullMQ's) */
  stalledInterval?: number;
  /** How long a job stays claimed without lock renewal. @defaultValue 30000 (BullMQ's) */
  lockDuration?: number;
  /**
   * Times a job may be recovered from a dead worker before it is failed. Higher than BullMQ's 1
   * because the handler is idempotent and a failed timer waits for reconciliation. @defaultValue 5
   */
  maxStalledCount?: number;
  /**
   * A handler run that takes longer fails its job (retried with backoff, by any worker), and this
   * worker takes no more jobs until `healthy` answers (asked every second). @defaultValue unbounded
   */
  handlerTimeoutMs?: number;
  /** Whether what the handler needs answers again (the database), after a run past the bound. */
  healthy?: () => Promise<unknown>;
}

export const DEFAULTS = {
  queueName: 'referral-deadlines',
  attempts: 10,
  backoffMs: 1000,
  keepFailed: 1000,
  concurrency: 20,
  waitingSlots: 1000,
  earlyMs: 200,
  maxStalledCount: 5,
  /** How often reconciliation looks whether Redis lost the timers. */
  lossWatchMs: 2_000,
} as const;

export const silentLogger: TimersLogger = { error: () => undefined, warn: () => undefined };
