export * from './timer';
export * from './options';
export { DeadlineTimers, QUEUE_STATES, storeQueueName, type QueueCounts, type QueueState, type ReconcileResult } from './deadline-timers';
export type { ReconciliationHandle } from './reconciliation-loop';
