import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Metrics } from '@referral/platform';
import { DeadlinesHost } from '../deadlines/deadlines-host';
import { BackgroundHealth } from '../health/background-health';
import { knownBreachLabels } from './breach-labels';
import { showComponents, showQueue } from './component-gauges';
import { within } from './within';

/** As long as health waits for the lags: a scrape must answer well within Prometheus' timeout. */
const SOURCE_WAIT_MS = 2000;

/**
 * Brings the worker's gauges up to date at each scrape, from the same reports health gives
 * (lags, stuck components) and from the deadline queue's counts. Counting at scrape time keeps
 * the numbers as fresh as the scrape and costs nothing between scrapes.
 */
@Injectable()
export class WorkerMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private unregister: (() => void) | null = null;

  constructor(
    private readonly metrics: Metrics,
    private readonly health: BackgroundHealth,
    private readonly deadlines: DeadlinesHost,
  ) {}

  onApplicationBootstrap(): void {
    for (const labels of knownBreachLabels()) this.metrics.deadlineBreaches.inc(labels, 0);
    this.unregister = this.metrics.beforeScrape(() => this.refresh());
  }

  onApplicationShutdown(): void {
    this.unregister?.();
    this.unregister = null;
  }

  async refresh(): Promise<void> {
    const [reports, counts] = await Promise.all([
      within(this.health.report(), SOURCE_WAIT_MS),
      within(this.deadlines.queueCounts(), SOURCE_WAIT_MS),
    ]);
    showComponents(this.metrics, reports);
    showQueue(this.metrics, counts);
  }
}
