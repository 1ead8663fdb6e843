import { Global, Module } from '@nestjs/common';
import { DeadlinesHost } from './deadlines/deadlines-host';
import { BackgroundHealth } from './health/background-health';
import { ProjectionRebuilds } from './projections/projection-rebuilds';
import { ProjectionsHost } from './projections/projections-host';
import { RetentionHost } from './retention/retention-host';

/**
 * Subscriptions, projections and deadline timers: everything that reacts to events. Global, so
 * the API's operations routes reach it when both run in one process.
 */
@Global()
@Module({
  providers: [ProjectionsHost, DeadlinesHost, ProjectionRebuilds, RetentionHost, BackgroundHealth],
  exports: [ProjectionsHost, DeadlinesHost, ProjectionRebuilds, RetentionHost],
})
export class WorkerModule {}
