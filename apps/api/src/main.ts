import 'reflect-metadata';
import { createLogger, exitWith, loadConfigOrExit } from '@referral/platform';
import { createApiApp } from './create-api-app';

/** The HTTP app alone (the scaled shape); the worker runs in its own process. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const app = await createApiApp({ config, logger });
  await app.listen(config.port);
  logger.info({ port: config.port }, 'api ready');
}

main().catch(exitWith);
