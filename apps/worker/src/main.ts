import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestPinoLogger, PlatformModule, createLogger, exitWith, loadConfigOrExit, rootModule } from '@referral/platform';
import { WorkerModule } from './worker.module';
import { WorkerHealthModule, WorkerHealthServer } from './health/worker-health-server';

/** The worker alone (the scaled shape): projections, rebuilds, reactions and deadline timers; HTTP only for its health. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const root = rootModule('ReferralWorker', [PlatformModule.forRoot({ config, logger }), WorkerModule, WorkerHealthModule]);
  const app = await NestFactory.createApplicationContext(root, { logger: new NestPinoLogger(logger), abortOnError: false });
  app.enableShutdownHooks();
  await app.init();
  // `port`: where its health answers (WORKER_HEALTH_PORT, or the one chosen for 0).
  logger.info({ ready: true, port: app.get(WorkerHealthServer).port }, 'worker ready');
}

main().catch(exitWith);
