import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestPinoLogger, PlatformModule, createLogger, exitWith, loadConfigOrExit, rootModule } from '@referral/platform';
import { WorkerModule } from './worker.module';
import { WorkerHealthModule } from './health/worker-health-server';

/** The worker alone (the scaled shape): projections and deadline timers; HTTP only for its health. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const root = rootModule('ReferralWorker', [PlatformModule.forRoot({ config, logger }), WorkerModule, WorkerHealthModule]);
  const app = await NestFactory.createApplicationContext(root, { logger: new NestPinoLogger(logger), abortOnError: false });
  app.enableShutdownHooks();
  await app.init();
  logger.info('worker ready');
}

main().catch(exitWith);
