export * from './projection';
export * from './errors';
export { PROJECTION_MIGRATIONS, migrateProjectionSchema } from './schema';
export { ProjectionRegistry, type ActiveGeneration, type EnsureResult } from './projection-registry';
export type { GenerationRow } from './generation-rows';
export { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';
export type { ProjectionStatus, RunnerState } from './runner-status';
export { StaleProjectionError } from './runner-target';
export { REBUILD_BATCH_SIZE, rebuildProjection, type RebuildOptions, type RebuildResult } from './rebuild';
export type { RebuildProgress } from './rebuild-progress';
export { formatRebuildProgress, formatDuration } from './progress-bar';
export { LAG_COUNT_LIMIT } from './head-tracker';
export { eventBatches, type EventBatch } from '@referral/event-store';
export { logicalTableName, physicalTableName, tableNamesFor } from './table-names';
export type { BackoffOptions } from '@referral/resilience';
export { isAtLeast, type Position } from './positions';
export type { RebuildRequest, RebuildRequestState, RebuildClaim } from './rebuild-requests/rebuild-request';
export { RebuildRequestStore, type RebuildRequestStoreOptions } from './rebuild-requests/rebuild-request-store';
export { RebuildRequestWorker, type RebuildRequestWorkerOptions } from './rebuild-requests/rebuild-request-worker';
export { RebuildClaimLostError } from './rebuild-requests/claim-keeper';
export {
  progressFromView,
  progressView,
  rebuildStateOf,
  type RebuildProgressView,
  type RebuildState,
} from './rebuild-requests/rebuild-state';
export { KeptAlive } from './kept-alive';
export { LeaseLostError, type Lease, type LeaseStore } from './leases/lease';
export { DEFAULT_LEASE_TIMING, LeaseDeadline, leaseTiming, type LeaseTiming } from './leases/lease-timing';
export { PostgresLeaseStore, assertLeaseHeld, fenceTransaction, leaseIsCurrent, leaseParams } from './leases/postgres-lease-store';
export { LeasedComponent, monotonicClock, type LeaseClock, type LeasedComponentOptions, type LeasedWork } from './leases/leased-component';
export * from './checkpoint-notices';
