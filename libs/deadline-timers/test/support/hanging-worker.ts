/**
 * A worker process for the kill test: consumes the queue under PREFIX, prints `started <caseId>`
 * when its handler begins, and never finishes a handler. Run with `node -r @swc-node/register`.
 */
import { DeadlineTimers } from '../../src';
import { openRedis } from './redis-fixture';

async function main(): Promise<void> {
  const prefix = process.env.PREFIX;
  if (!prefix) throw new Error('PREFIX must be set');
  const timers = new DeadlineTimers({ connection: openRedis(), prefix, storeId: 'test-store', clock: { now: () => new Date() } });
  await timers.start(
    (timer) => {
      process.stdout.write(`started ${timer.caseId}\n`);
      return new Promise<void>(() => undefined);
    },
    { lockDuration: 1_000, stalledInterval: 300 },
  );
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`hanging-worker failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
