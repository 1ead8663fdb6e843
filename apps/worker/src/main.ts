import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestPinoLogger, PlatformModule, createLogger, exitWith, loadConfigOrExit, rootModule } from '@referral/platform';
import { WorkerModule } from './worker.module';

/** The worker alone (the scaled shape): projections and deadline timers, no HTTP. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const root = rootModule('ReferralWorker', [PlatformModule.forRoot({ config, logger }), WorkerModule]);
  const app = await NestFactory.createApplicationContext(root, { logger: new NestPinoLogger(logger), abortOnError: false });
  app.enableShutdownHooks();
  await app.init();
  logger.info('worker ready');
}

main().catch(exitWith);
