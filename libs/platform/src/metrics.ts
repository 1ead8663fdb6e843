import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process; metrics carry org ids and outcomes, never personal data. */
export class Metrics {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: 'referral_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'referral_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly projectionPosition = new Histogram({
    name: 'referral_projection_batch_seconds',
    help: 'Time to apply one batch of events to a projection',
    labelNames: ['projection'],
    registers: [this.registry],
  });

  readonly deadlineJobsForUnknownCase = new Counter({
    name: 'referral_deadline_jobs_unknown_case_total',
    help: 'Deadline timer jobs for a case this store does not know (a foreign or stale job), by deadline kind',
    labelNames: ['kind'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'referral_' });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
