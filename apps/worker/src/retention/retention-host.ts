import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ORG_IDS } from '@referral/case';
import { RetentionSweep, parseRetentionPolicy, type SweepReport } from '@referral/case-workflows';
import type { EventStore } from '@referral/event-store';
import type { PersonalDataVault } from '@referral/personal-data';
import { CLOCK, EVENT_STORE, LOGGER, PERSONAL_DATA_VAULT, READ_MODEL_DB, type Clock, type Logger } from '@referral/platform';
import { CaseQueries } from '@referral/read-models';
import type { SqlClient } from '@referral/sql';
import retentionPolicy from '../../../../config/policy/retention.v1.json';
import { ProjectionsHost } from '../projections/projections-host';

const CASE_VIEWS = 'case_views';
/** How often closed cases past their retention are looked for. */
export const RETENTION_SWEEP_EVERY_MS = 60 * 60_000;

/**
 * Erases the personal data of closed cases past their retention (config/policy/retention.v1.json):
 * once the case views have caught up at start-up, which catches up on whatever fell due while
 * the service was down, and then every hour.
 */
@Injectable()
export class RetentionHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly stopping = new AbortController();
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<SweepReport | null> = Promise.resolve(null);
  private readonly sweep: RetentionSweep;
  private readonly log: Logger;
  /** Resolves with the first sweep's report (tests, operators). */
  readonly firstSweep: Promise<SweepReport | null>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL_DB) db: SqlClient,
    @Inject(PERSONAL_DATA_VAULT) vault: PersonalDataVault,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) logger: Logger,
    private readonly projections: ProjectionsHost,
  ) {
    this.log = logger.child({ component: 'retention' });
    this.sweep = new RetentionSweep({
      store,
      queries: new CaseQueries(db),
      keys: vault,
      policy: parseRetentionPolicy(retentionPolicy),
      owners: [...ORG_IDS, 'triage'],
      onError: (caseId, error) => this.log.error({ caseId, error: (error as Error).name }, 'Retention could not erase a case'),
    });
    this.firstSweep = new Promise((resolve) => (this.startFirst = resolve));
  }

  private startFirst!: (report: SweepReport | null) => void;

  onApplicationBootstrap(): void {
    void this.start();
  }

  private async start(): Promise<void> {
    const signal = this.stopping.signal;
    try {
      await this.projections.caughtUp(CASE_VIEWS, signal);
    } catch {
      this.startFirst(null);
      return;
    }
    if (signal.aborted) return this.startFirst(null);
    this.startFirst(await this.sweepNow());
    if (!signal.aborted) this.timer = setInterval(() => void this.sweepNow(), RETENTION_SWEEP_EVERY_MS);
  }

  /** One sweep now, after any sweep in progress. */
  sweepNow(): Promise<SweepReport | null> {
    this.sweeping = this.sweeping.then(async () => {
      if (this.stopping.signal.aborted) return null;
      try {
        const report = await this.sweep.sweep(this.clock.now());
        if (report.erased + report.failed > 0) this.log.info(report, 'Retention sweep erased personal data of closed cases');
        return report;
      } catch (error) {
        this.log.error({ error: (error as Error).name }, 'Retention sweep failed; it runs again at the next interval');
        return null;
      }
    });
    return this.sweeping;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    if (this.timer) clearInterval(this.timer);
    await this.sweeping;
  }
}
