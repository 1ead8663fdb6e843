import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ReactorStatus } from '@referral/case-workflows';
import type { Config } from '@referral/config';
import type { EventStore } from '@referral/event-store';
import { BackgroundComponents, CLOCK, CONFIG, EVENT_STORE, type Clock, type ComponentReport } from '@referral/platform';
import type { ProjectionStatus } from '@referral/projections';
import type { FailureState } from '@referral/resilience';
import { DeadlinesHost } from '../deadlines/deadlines-host';
import { ProjectionsHost } from '../projections/projections-host';
import { RetentionHost } from '../retention/retention-host';
import type { LeaseState } from '../leases/component-leases';
import { lagOf, type Lag } from './lag';
import { ProgressWatch } from './progress-watch';

/**
 * Tells health where each background component of this worker stands: every projection and
 * reaction with its lag and whether this worker holds its lease, the deadline worker, the last
 * retention sweep. A component is stuck when it has been failing, or behind without moving, for
 * longer than HEALTH_STUCK_AFTER_SECONDS. One on standby (another worker holds its lease) is
 * neither stuck nor lagging here: the holder reports it.
 */
@Injectable()
export class BackgroundHealth implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly progress = new ProgressWatch();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: Config,
    private readonly components: BackgroundComponents,
    private readonly projections: ProjectionsHost,
    private readonly deadlines: DeadlinesHost,
    private readonly retention: RetentionHost,
  ) {}

  onApplicationBootstrap(): void {
    this.components.register(() => this.report());
  }

  onApplicationShutdown(): void {
    this.components.unregister();
  }

  async report(): Promise<ComponentReport[]> {
    const now = this.clock.now();
    const head = await this.store.headPosition();
    // Followers at the same position share one count.
    const lags = new Map<string, Promise<Lag>>();
    const lagAt = (position: bigint | null) => {
      const key = String(position);
      if (!lags.has(key)) lags.set(key, lagOf(this.store, head, position, now));
      return lags.get(key)!;
    };
    const { projections, reactions } = this.projections.statuses;
    const followers = [
      ...projections.map((status) => this.follower('projection', status.projection, status, lagAt, now)),
      ...[...reactions, ...this.deadlines.reactionStatuses].map((status) => this.follower('reaction', status.reaction, status, lagAt, now)),
    ];
    const deadlines = this.deadlines.status;
    const retention = this.retention.status;
    return [
      ...(await Promise.all(followers)),
      { kind: 'deadlines', name: 'deadline-worker', ...this.failure(deadlines, now), state: deadlines.state },
      {
        kind: 'retention',
        name: 'retention-sweep',
        ...this.failure(retention, now),
        state: retention.attempt > 0 ? 'retrying' : 'idle',
        lastSweep: retention.lastSweep && { ...retention.lastSweep, at: retention.lastSweep.at.toISOString() },
      },
    ];
  }

  private async follower(
    kind: 'projection' | 'reaction',
    name: string,
    status: (ProjectionStatus | ReactorStatus) & { lease: LeaseState },
    lagAt: (position: bigint | null) => Promise<Lag>,
    now: Date,
  ): Promise<ComponentReport> {
    if (status.lease === 'standby') {
      // Forget where it stood, so it is not found stalled the moment this worker takes it over.
      this.progress.stalledMs(`${kind}:${name}`, status.position, false, now.getTime());
      return { kind, name, state: 'standby', lease: 'standby', stuck: false };
    }
    const lag = await lagAt(status.position);
    const stalledMs = this.progress.stalledMs(`${kind}:${name}`, status.position, lag.lagEvents > 0, now.getTime());
    const failing = 'attempt' in status ? this.failure(status, now) : this.failure({ failingSince: status.failingSince }, now);
    return {
      kind,
      name,
      state: status.state,
      lease: 'held',
      position: status.position === null ? null : String(status.position),
      ...lag,
      ...failing,
      stuck: failing.stuck || stalledMs > this.thresholdMs,
    };
  }

  private failure(state: Pick<FailureState, 'failingSince'> & Partial<FailureState>, now: Date) {
    const since = state.failingSince;
    return {
      ...(state.attempt === undefined ? {} : { attempt: state.attempt, lastError: state.lastError ?? null }),
      failingSince: since ? since.toISOString() : null,
      stuck: since !== null && now.getTime() - since.getTime() > this.thresholdMs,
    };
  }

  private get thresholdMs(): number {
    return this.config.healthStuckAfterSeconds * 1000;
  }
}
