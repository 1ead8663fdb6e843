import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ORG_IDS } from '@referral/case';
import { RetentionSweep, parseRetentionPolicy, type SweepReport } from '@referral/case-workflows';
import type { EventStore } from '@referral/event-store';
import type { PersonalDataVault } from '@referral/personal-data';
import { CLOCK, EVENT_STORE, LOGGER, Metrics, PERSONAL_DATA_VAULT, READ_MODEL_DB, appendConflictMetrics, type Clock, type Logger } from '@referral/platform';
import { CaseQueries } from '@referral/read-models';
import type { SqlClient } from '@referral/sql';
import { FailureStreak, errorFields, retryForever, type FailureState } from '@referral/resilience';
import retentionPolicy from '../../../../config/policy/retention.v1.json';
import { ProjectionsHost } from '../projections/projections-host';

const CASE_VIEWS = 'case_views';
/** How often closed cases past their retention are looked for. */
export const RETENTION_SWEEP_EVERY_MS = 60 * 60_000;

/** The last sweep that ran to its end or failed, for health. */
export interface LastSweep {
  at: Date;
  outcome: 'done' | 'failed';
  erased?: number;
  failed?: number;
}

/** What the host needs of the projections: to know when the case views have caught up. */
export type CaseViewsWatch = Pick<ProjectionsHost, 'caughtUp'>;

/**
 * Erases the personal data of closed cases past their retention (config/policy/retention.v1.json):
 * once the case views have caught up at start-up, which catches up on whatever fell due while
 * the service was down, and then every hour. A failed wait or sweep is retried with capped
 * backoff until it works; health shows the last sweep and the failures in a row.
 */
@Injectable()
export class RetentionHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly stopping = new AbortController();
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<SweepReport | null> = Promise.resolve(null);
  private readonly sweep: RetentionSweep;
  private readonly log: Logger;
  private readonly streak = new FailureStreak();
  private last: LastSweep | null = null;
  /** Resolves with the first sweep's report (tests, operators). */
  readonly firstSweep: Promise<SweepReport | null>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL_DB) db: SqlClient,
    @Inject(PERSONAL_DATA_VAULT) vault: PersonalDataVault,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) logger: Logger,
    @Inject(ProjectionsHost) private readonly projections: CaseViewsWatch,
    metrics: Metrics,
  ) {
    this.log = logger.child({ component: 'retention' });
    this.sweep = new RetentionSweep({
      store,
      queries: new CaseQueries(db),
      keys: vault,
      policy: parseRetentionPolicy(retentionPolicy),
      owners: [...ORG_IDS, 'triage'],
      onError: (caseId, error) => this.log.error({ caseId, error: errorFields(error) }, 'Retention could not erase a case'),
      conflicts: appendConflictMetrics(metrics),
    });
    this.firstSweep = new Promise((resolve) => (this.startFirst = resolve));
  }

  private startFirst!: (report: SweepReport | null) => void;

  onApplicationBootstrap(): void {
    void this.start();
  }

  get status(): { lastSweep: LastSweep | null } & FailureState {
    return { lastSweep: this.last, ...this.streak.current };
  }

  private async start(): Promise<void> {
    const signal = this.stopping.signal;
    const first = await retryForever(
      async () => {
        await this.projections.caughtUp(CASE_VIEWS, signal);
        return this.sweepOrThrow();
      },
      {
        signal,
        backoff: { initialMs: 1000, maxMs: 60_000 },
        streak: this.streak,
        now: () => this.clock.now(),
        onFailure: ({ error, attempt, retryInMs }) =>
          this.log.error({ attempt, retryInMs, error: errorFields(error) }, 'Retention sweep could not run; retrying'),
      },
    );
    this.startFirst(first ?? null);
    if (!signal.aborted) this.timer = setInterval(() => void this.sweepNow(), RETENTION_SWEEP_EVERY_MS);
  }

  /** One sweep now, after any sweep in progress; `null` when it failed (logged; the next interval retries). */
  sweepNow(): Promise<SweepReport | null> {
    return this.sweepOrThrow().catch((error: unknown) => {
      const { attempt } = this.streak.failed(error, this.clock.now());
      this.log.error({ attempt, error: errorFields(error) }, 'Retention sweep failed; it runs again at the next interval');
      return null;
    });
  }

  private sweepOrThrow(): Promise<SweepReport | null> {
    const next = this.sweeping.then(async () => {
      if (this.stopping.signal.aborted) return null;
      try {
        const report = await this.sweep.sweep(this.clock.now());
        this.last = { at: this.clock.now(), outcome: 'done', ...report };
        this.streak.succeeded();
        if (report.erased + report.failed > 0) this.log.info(report, 'Retention sweep erased personal data of closed cases');
        return report;
      } catch (error) {
        this.last = { at: this.clock.now(), outcome: 'failed' };
        throw error;
      }
    });
    this.sweeping = next.catch(() => null);
    return next;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    if (this.timer) clearInterval(this.timer);
    await this.sweeping;
  }
}
