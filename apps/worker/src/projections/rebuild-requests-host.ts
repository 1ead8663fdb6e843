import { hostname } from 'node:os';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { LOGGER, READ_MODEL_DB, type Logger } from '@referral/platform';
import { RebuildRequestStore, RebuildRequestWorker } from '@referral/projections';
import { errorFields, retryForever } from '@referral/resilience';
import type { SqlClient } from '@referral/sql';
import { ProjectionsHost } from './projections-host';

/**
 * Runs the rebuilds the API asks for (rows in `projection_rebuild_requests`) with this worker's
 * projections and live runners, once those have started. In the scaled shape any worker may take
 * a request; in `npm start` this is the one. Stops before anything else shuts down, handing a
 * rebuild under way back to pending.
 */
@Injectable()
export class RebuildRequestsHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly stopping = new AbortController();
  private worker: RebuildRequestWorker | null = null;
  private starting: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly projections: ProjectionsHost,
    @Inject(READ_MODEL_DB) private readonly db: SqlClient,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const log = this.logger.child({ component: 'projections' });
    const ready = new Promise<void>((resolve) => {
      void this.projections.ready.then(resolve);
      this.stopping.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    this.starting = ready.then(() =>
      retryForever(() => this.startWorker(), {
        signal: this.stopping.signal,
        backoff: { initialMs: 500, maxMs: 30_000 },
        onFailure: ({ error, attempt, retryInMs }) =>
          log.error({ attempt, retryInMs, error: errorFields(error) }, 'Rebuild requests could not be opened; retrying'),
      }),
    );
  }

  private async startWorker(): Promise<void> {
    if (this.stopping.signal.aborted) return;
    const registry = this.projections.projectionRegistry;
    if (!registry) throw new Error('The projection registry is not open');
    const requests = await RebuildRequestStore.open(this.db);
    if (this.stopping.signal.aborted) return;
    const log = this.logger.child({ component: 'projections' });
    this.worker = new RebuildRequestWorker({
      requests,
      store: this.projections.eventStore,
      registry,
      projections: this.projections.projections,
      liveRunner: (name) => this.projections.runner(name),
      worker: `${hostname()}:${process.pid}`,
      logger: {
        info: (message, fields) => log.info(fields ?? {}, message),
        warn: (message, fields) => log.warn(fields ?? {}, message),
        error: (message, fields) => log.error(fields ?? {}, message),
      },
    });
    this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.starting;
    await this.worker?.stop();
  }
}
