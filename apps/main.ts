import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createLogger, exitWith, loadConfigOrExit } from '@referral/platform';
import { createApiApp } from './api/src/create-api-app';
import { WorkerModule } from './worker/src/worker.module';

/** `npm start`: API and worker in one process, with the embedded defaults unless told otherwise. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const app = await createApiApp({ config, logger }, [WorkerModule]);
  await app.listen(config.port);
  // The bound port, which differs from config.port when that is 0 (any free port).
  const { port } = app.getHttpServer().address() as AddressInfo;
  logger.info(
    { ready: true, port, eventStore: config.eventStore, dataDir: config.eventStore === 'embedded' ? config.dataDir : undefined },
    `referral ready: http://localhost:${port}/api/v1/health`,
  );
}

main().catch(exitWith);
