import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createLogger, exitWith, loadConfigOrExit } from '@referral/platform';
import { createApiApp } from './create-api-app';

/** The HTTP app alone (the scaled shape); the worker runs in its own process. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const app = await createApiApp({ config, logger });
  await app.listen(config.port);
  // The bound port, which differs from config.port when that is 0 (any free port).
  const { port } = app.getHttpServer().address() as AddressInfo;
  logger.info({ ready: true, port }, 'api ready');
}

main().catch(exitWith);
