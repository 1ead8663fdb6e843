/**
 * Run as a separate process by the lock tests:
 *   node -r @swc-node/register embedded-store-process.ts <dataDir> hold|try
 * `hold` opens the store, prints `opened`, and keeps it until stdin closes.
 * `try` opens it, appends one event to `written-by-another-process` and closes it, printing
 * `opened`, or prints `locked <holderPid>` and exits 3.
 */
import { randomUUID } from 'node:crypto';
import { openEmbeddedEventStore, StoreLockedError } from '@referral/event-store';

async function main(dataDir: string, mode: string): Promise<void> {
  let embedded;
  try {
    embedded = await openEmbeddedEventStore(dataDir);
  } catch (error) {
    if (!(error instanceof StoreLockedError)) throw error;
    process.stdout.write(`locked ${error.holderPid}\n`);
    process.exitCode = 3;
    return;
  }
  process.stdout.write('opened\n');
  if (mode === 'try') {
    const event = { id: randomUUID(), type: 'Written', data: { pid: process.pid }, metadata: { schemaVersion: 1 } };
    await embedded.store.appendToStream('written-by-another-process', [event]);
  }
  if (mode === 'hold') await new Promise((resolve) => process.stdin.on('close', resolve).resume());
  await embedded.close();
}

main(process.argv[2], process.argv[3]).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
