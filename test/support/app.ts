import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DestinationStream } from 'pino';
import { loadConfig } from '@referral/config';
import { createLogger, type Clock } from '@referral/platform';
import { createApiApp } from '../../apps/api/src/create-api-app';
import type { HttpOptions } from '../../apps/api/src/configure-http';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { freshEmbeddedDataDir } from './embedded-data-dir';

export const TEST_JWT_SECRET = 'test-secret-for-e2e-only-0123456789abcdef';

export interface RunningService {
  app: NestExpressApplication;
  dataDir: string;
  /** Each service has Redis keys and channels of its own, so suites running side by side never meet. */
  redisPrefix: string;
  stop(): Promise<void>;
}

/** The whole service in one process, embedded, on a fresh data directory, as `npm start` runs it. */
export async function startEmbeddedService(
  env: Record<string, string> = {},
  options: { clock?: Clock; dataDir?: string; keepData?: boolean; logDestination?: DestinationStream; http?: HttpOptions } = {},
): Promise<RunningService> {
  const dataDir = options.dataDir ?? (await freshEmbeddedDataDir());
  const redisPrefix = `e2e-${randomBytes(6).toString('hex')}`;
  const config = loadConfig({
    DATA_DIR: dataDir, AUTH_JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent', REDIS_PREFIX: redisPrefix, ...env,
  });
  const logger = createLogger(config.logLevel, options.logDestination);
  const app = await createApiApp({ config, logger, clock: options.clock }, [WorkerModule], options.http);
  await app.init();
  return {
    app,
    dataDir,
    redisPrefix: config.redisPrefix,
    async stop() {
      await app.close();
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
