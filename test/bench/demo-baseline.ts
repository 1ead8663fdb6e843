/**
 * The bare references of the demo benchmark, in a process of its own (so its memory is its own):
 * opens the demo's data directory as a plain embedded event store, reads every event once
 * (their count; the resident memory of node + PGlite holding that store), then appends single
 * events to a fresh store in another directory (the bare append rate). Prints one JSON line.
 * Run: node -r @swc-node/register test/bench/demo-baseline.ts <demo data dir> <scratch dir> <appends>
 */
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { openEmbeddedEventStore } from '@referral/event-store';
import { processMemoryMiB } from './support/process-memory';

async function main(): Promise<void> {
  const [dataDir, scratchDir, appendsArg] = process.argv.slice(2);
  if (!dataDir || !scratchDir) throw new Error('usage: demo-baseline.ts <demo data dir> <scratch dir> [appends]');
  const demo = await openEmbeddedEventStore(dataDir);
  let events = 0;
  let after: bigint | null = null;
  for (;;) {
    const batch = await demo.store.readAll({ after, maxCount: 5_000 });
    if (batch.length === 0) break;
    events += batch.length;
    after = batch[batch.length - 1]!.position;
  }
  const memory = processMemoryMiB(process.pid);
  await demo.close();

  const fresh = await openEmbeddedEventStore(join(scratchDir, 'bare'));
  const appends = Number(appendsArg ?? 2_000);
  const data = { note: 'x'.repeat(600) };
  const started = process.hrtime.bigint();
  for (let i = 0; i < appends; i++) {
    await fresh.store.appendToStream(`bare-${i}`, [{ id: randomUUID(), type: 'BenchEvent', data, metadata: { schemaVersion: 1 } }], { expectedRevision: 'no-stream' });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await fresh.close();
  process.stdout.write(`${JSON.stringify({ events, rssMiB: memory.rss, appendsPerSecond: appends / seconds })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`demo-baseline: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
