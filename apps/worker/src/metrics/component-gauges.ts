import type { ComponentReport, Metrics } from '@referral/platform';
import type { QueueCounts } from '@referral/deadline-timers';

/**
 * Sets the component gauges from health's reports. The gauges are cleared first: a component
 * that is gone, or reports that could not be had (`null`), leave no stale sample behind.
 */
export function showComponents(metrics: Metrics, reports: readonly ComponentReport[] | null): void {
  metrics.componentLagEvents.reset();
  metrics.componentLagSeconds.reset();
  metrics.componentStuck.reset();
  for (const report of reports ?? []) {
    const labels = { kind: report.kind, component: report.name };
    metrics.componentStuck.set(labels, report.stuck ? 1 : 0);
    if (typeof report.lagEvents === 'number') metrics.componentLagEvents.set(labels, report.lagEvents);
    if (typeof report.lagSeconds === 'number') metrics.componentLagSeconds.set(labels, report.lagSeconds);
  }
}

/** Sets the queue-depth gauge; `null` (no queue yet, or Redis did not answer) leaves no sample. */
export function showQueue(metrics: Metrics, counts: QueueCounts | null): void {
  metrics.deadlineQueueJobs.reset();
  for (const [state, count] of Object.entries(counts ?? {})) metrics.deadlineQueueJobs.set({ state }, count);
}
