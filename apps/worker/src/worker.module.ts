import { Global, Module } from '@nestjs/common';
import { DeadlinesHost } from './deadlines/deadlines-host';
import { BackgroundHealth } from './health/background-health';
import { ComponentLeases } from './leases/component-leases';
import { WorkerMetrics } from './metrics/worker-metrics';
import { ProjectionsHost } from './projections/projections-host';
import { RebuildRequestsHost } from './projections/rebuild-requests-host';
import { RetentionHost } from './retention/retention-host';

/**
 * Subscriptions, projections, rebuilds and deadline timers: everything that reacts to events.
 * The API never imports it: when both run in one process it meets the worker through the
 * platform (BackgroundComponents for health, LocalProjections for read-your-writes) and through
 * the read-model database (rebuild requests), as it does across processes.
 */
@Global()
@Module({
  providers: [ComponentLeases, ProjectionsHost, DeadlinesHost, RebuildRequestsHost, RetentionHost, BackgroundHealth, WorkerMetrics],
  exports: [ProjectionsHost, DeadlinesHost, RetentionHost],
})
export class WorkerModule {}
