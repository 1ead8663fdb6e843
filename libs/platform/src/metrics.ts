import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Brings gauges up to date just before a scrape (the worker's lags, stuck components, queue depth). */
export type ScrapeHook = () => Promise<void>;

/** One registry per process; metrics carry org ids and outcomes, never personal data or case ids. */
export class Metrics {
  readonly registry = new Registry();
  private readonly hooks = new Set<ScrapeHook>();
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

  readonly deadlineBreaches = new Counter({
    name: 'referral_deadline_breaches_total',
    help: 'Deadline breaches this process recorded, by org code and rule (first-contact, reach-attempts, triage-wait)',
    labelNames: ['org', 'rule'],
    registers: [this.registry],
  });

  readonly deadlineLateness = new Histogram({
    name: 'referral_deadline_lateness_seconds',
    help: 'How long after its due instant this process recorded a breach (the check that found it), by rule',
    labelNames: ['rule'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600],
    registers: [this.registry],
  });

  readonly deadlineAnnounceLateness = new Histogram({
    name: 'referral_deadline_announce_lateness_seconds',
    help: 'How long after its due instant this API process first sent a breach to the SLA stream\'s subscribers (once per breach, however many subscribers), by rule',
    labelNames: ['rule'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600],
    registers: [this.registry],
  });

  readonly appendConflicts = new Counter({
    name: 'referral_append_conflicts_total',
    help: 'Appends that found their stream changed by another writer since the command read it (each is decided again, or given up after 5 attempts), by stream category',
    labelNames: ['stream'],
    registers: [this.registry],
  });

  readonly retriedCommands = new Counter({
    name: 'referral_command_retries_total',
    help: 'Commands that met at least one append conflict, by stream category and how they ended (succeeded, refused, gave-up, failed)',
    labelNames: ['stream', 'outcome'],
    registers: [this.registry],
  });

  readonly componentLagEvents = new Gauge({
    name: 'referral_component_lag_events',
    help: 'Events in the store after a projection or reaction (counted up to a limit), by kind and component',
    labelNames: ['kind', 'component'],
    registers: [this.registry],
  });

  readonly componentLagSeconds = new Gauge({
    name: 'referral_component_lag_seconds',
    help: 'Age of the oldest event a projection or reaction has not taken yet, by kind and component',
    labelNames: ['kind', 'component'],
    registers: [this.registry],
  });

  readonly componentStuck = new Gauge({
    name: 'referral_component_stuck',
    help: '1 when a background component has been failing, or behind without progress, for longer than HEALTH_STUCK_AFTER_SECONDS',
    labelNames: ['kind', 'component'],
    registers: [this.registry],
  });

  readonly deadlineQueueJobs = new Gauge({
    name: 'referral_deadline_queue_jobs',
    help: 'Jobs in the deadline queue by state (waiting: due and not taken; delayed; active; failed and kept)',
    labelNames: ['state'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'referral_' });
  }

  /** Runs `hook` before every scrape until the returned function is called. */
  beforeScrape(hook: ScrapeHook): () => void {
    this.hooks.add(hook);
    return () => void this.hooks.delete(hook);
  }

  /** A failing hook leaves its gauges as it left them; the scrape still answers. */
  async text(): Promise<string> {
    await Promise.all([...this.hooks].map((hook) => hook().catch(() => undefined)));
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
