import { createServer, type Server } from 'node:http';
import { Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Config } from '@referral/config';
import { BACKENDS, BackgroundComponents, CONFIG, LOGGER, Metrics, checkHealth, type Backends, type Logger } from '@referral/platform';

export const HEALTH_PATH = '/api/v1/health';
export const METRICS_PATH = '/api/v1/metrics';

/**
 * The worker of the scaled shape has no HTTP app: it answers the same GET /api/v1/health and
 * GET /api/v1/metrics as the API on WORKER_HEALTH_PORT (health checks and Prometheus' scrape).
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: Server | null = null;

  constructor(
    @Inject(BACKENDS) private readonly backends: Backends,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly components: BackgroundComponents,
    private readonly metrics: Metrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((request, response) => {
      const path = (request.url ?? '').split('?')[0];
      if (request.method === 'GET' && path === METRICS_PATH) {
        void this.metrics.text().then(
          (text) => response.writeHead(200, { 'content-type': this.metrics.contentType }).end(text),
          () => response.writeHead(500).end(),
        );
        return;
      }
      if (request.method !== 'GET' || path !== HEALTH_PATH) {
        response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not-found', message: 'Only GET /api/v1/health and /api/v1/metrics are served here' }));
        return;
      }
      void checkHealth(this.backends, this.components).then((report) => {
        response.writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(report));
      });
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(this.config.workerHealthPort, resolve));
    this.server = server;
    this.logger.info({ port: this.port }, 'worker health answers on this port');
  }

  /** The port it listens on (WORKER_HEALTH_PORT, or the one the system chose for 0). */
  get port(): number | null {
    const address = this.server?.address();
    return address && typeof address === 'object' ? address.port : null;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

@Module({ providers: [WorkerHealthServer], exports: [WorkerHealthServer] })
export class WorkerHealthModule {}
