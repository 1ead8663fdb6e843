export * from './timer';
export * from './options';
export { DeadlineTimers, type ReconcileResult } from './deadline-timers';
export type { ReconciliationHandle } from './reconciliation-loop';
