import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createLogger, exitWith, loadConfigOrExit } from '@referral/platform';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/**
 * The whole service in one process, as `apps/main.ts` starts it, for tests that kill it:
 * `node -r @swc-node/register test/support/service-child.ts` with DATA_DIR, PORT (0 for any),
 * AUTH_JWT_SECRET, REDIS_PREFIX and LOG_LEVEL in the environment. Once it listens it prints one
 * JSON line on stdout, `{"ready":true,"port":N}`. SIGTERM stops it cleanly (shutdown hooks).
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const app = await createApiApp({ config, logger }, [WorkerModule]);
  await app.listen(config.port, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ ready: true, port, pid: process.pid })}\n`);
}

main().catch(exitWith);
