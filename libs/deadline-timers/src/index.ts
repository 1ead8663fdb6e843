export * from './timer';
export * from './options';
export { DeadlineTimers, storeQueueName, type ReconcileResult } from './deadline-timers';
export type { ReconciliationHandle } from './reconciliation-loop';
