import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable } from '@nestjs/common';
import type { Config } from '@referral/config';
import { CONFIG, LOGGER, READ_MODEL_DB, type Logger } from '@referral/platform';
import { LeasedComponent, PostgresLeaseStore, type Lease, type LeaseStore, type LeasedWork, type LeaseTiming } from '@referral/projections';
import type { SqlClient } from '@referral/sql';

export type LeaseState = 'held' | 'standby';

/**
 * The leases of this worker's projections and reactions (`component_leases` in the read-model
 * database): each runs in one worker at a time. The embedded shape's single process holds them
 * under one fixed name, so after a crash it takes them straight back instead of waiting a TTL.
 */
@Injectable()
export class ComponentLeases implements LeaseStore {
  readonly holder: string;
  private readonly timing: LeaseTiming;
  private opened: Promise<PostgresLeaseStore> | null = null;

  constructor(
    @Inject(READ_MODEL_DB) private readonly db: SqlClient,
    @Inject(CONFIG) config: Config,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.holder = config.eventStore === 'embedded' ? 'embedded' : `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
    const ttlMs = config.leaseTtlMs;
    const renewEveryMs = config.leaseRenewMs;
    this.timing = {
      ttlMs,
      renewEveryMs,
      retryEveryMs: Math.min(1000, renewEveryMs),
      marginMs: Math.floor(Math.min(1000, (ttlMs - renewEveryMs) / 2)),
    };
  }

  /** Runs `work` while this worker holds the lease `name`; started at once, stopped by the caller. */
  keep(name: string, work: LeasedWork): LeasedComponent {
    const log = this.logger.child({ component: 'leases' });
    const leased = new LeasedComponent({
      leases: this,
      name,
      holder: this.holder,
      work,
      timing: this.timing,
      logger: {
        info: (message, fields) => log.info(fields ?? {}, message),
        warn: (message, fields) => log.warn(fields ?? {}, message),
        error: (message, fields) => log.error(fields ?? {}, message),
      },
    });
    leased.start();
    return leased;
  }

  async acquire(name: string, holder: string, ttlMs: number): Promise<Lease | null> {
    return (await this.store()).acquire(name, holder, ttlMs);
  }

  async renew(lease: Lease, ttlMs: number): Promise<boolean> {
    return (await this.store()).renew(lease, ttlMs);
  }

  async release(lease: Lease): Promise<void> {
    await (await this.store()).release(lease);
  }

  /** Opens (migrates) once the database answers; a failed open is tried again at the next call. */
  private store(): Promise<PostgresLeaseStore> {
    this.opened ??= PostgresLeaseStore.open(this.db).catch((error: unknown) => {
      this.opened = null;
      throw error;
    });
    return this.opened;
  }
}

export function leaseStateOf(leased: LeasedComponent | undefined): LeaseState {
  return leased?.lease ? 'held' : 'standby';
}
