import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedEventStore, StoreLockedError, type EmbeddedEventStore } from '@referral/event-store';
import { describeEventStoreContract, type EventStoreHarness } from '@referral/event-store/testing';
import { startStoreProcess } from './embedded/embedded-store-process-runner';

const tempDirs: string[] = [];
function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'referral-embedded-'));
  tempDirs.push(dir);
  return dir;
}

/**
 * One data directory for the whole contract run, because opening PGlite from disk takes a
 * second or two and the suite keeps its streams apart anyway. Reopening closes the database and
 * opens it again from disk: real durability.
 */
const contractDataDir = freshDataDir();
const fast = { subscriptionTiming: { pollMinMs: 2, pollMaxMs: 20 } };
let contractStore: EmbeddedEventStore | undefined;
afterAll(async () => {
  await contractStore?.close();
  tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

async function embeddedHarness(): Promise<EventStoreHarness> {
  contractStore ??= await openEmbeddedEventStore(contractDataDir, fast);
  const harness: EventStoreHarness = {
    store: contractStore.store,
    async reopen() {
      await contractStore?.close();
      contractStore = await openEmbeddedEventStore(contractDataDir, fast);
      return (harness.store = contractStore.store);
    },
    dispose: async () => undefined,
  };
  return harness;
}

describeEventStoreContract('embedded PGlite (on disk)', embeddedHarness);

describe('the embedded data directory lock', () => {
  let opened: EmbeddedEventStore | undefined;
  afterEach(() => opened?.close());

  it('refuses a second open in the same process, and allows it after close', async () => {
    const dataDir = freshDataDir();
    opened = await openEmbeddedEventStore(dataDir);
    expect(readFileSync(join(dataDir, 'referral.lock'), 'utf8').trim()).toBe(String(process.pid));
    const refusal = await openEmbeddedEventStore(dataDir).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StoreLockedError);
    expect((refusal as StoreLockedError).holderPid).toBe(process.pid);
    expect((refusal as Error).message).toContain(dataDir);
    await opened.close();
    expect(existsSync(join(dataDir, 'referral.lock'))).toBe(false);
    opened = await openEmbeddedEventStore(dataDir);
  });

  it('refuses another process while this one holds the directory', async () => {
    const dataDir = freshDataDir();
    opened = await openEmbeddedEventStore(dataDir);
    const other = startStoreProcess(dataDir, 'try');
    expect(await other.firstLine).toBe(`locked ${process.pid}`);
    expect(await other.exited).toBe(3);
  });

  it('is refused while another process holds it, and takes the lock over once that process died', async () => {
    const dataDir = freshDataDir();
    const holder = startStoreProcess(dataDir, 'hold');
    expect(await holder.firstLine).toBe('opened');
    const refusal = await openEmbeddedEventStore(dataDir).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StoreLockedError);
    expect((refusal as StoreLockedError).holderPid).toBe(holder.child.pid);
    expect((refusal as Error).message).toContain(`pid ${holder.child.pid}`);

    holder.child.kill('SIGKILL');
    await holder.exited;
    opened = await openEmbeddedEventStore(dataDir);
    expect(readFileSync(join(dataDir, 'referral.lock'), 'utf8').trim()).toBe(String(process.pid));
  });

  it('keeps the events of a process that released the directory', async () => {
    const dataDir = freshDataDir();
    const writer = startStoreProcess(dataDir, 'try');
    expect(await writer.firstLine).toBe('opened');
    expect(await writer.exited).toBe(0);
    opened = await openEmbeddedEventStore(dataDir);
    const written = await opened.store.readStream('written-by-another-process');
    expect(written.map((event) => event.data)).toEqual([{ pid: writer.child.pid }]);
  });

  it('takes over a lock file left with no pid long ago, but not a fresh one', async () => {
    const dataDir = freshDataDir();
    writeFileSync(join(dataDir, 'referral.lock'), '');
    await expect(openEmbeddedEventStore(dataDir)).rejects.toBeInstanceOf(StoreLockedError);
    utimesSync(join(dataDir, 'referral.lock'), new Date(0), new Date(0));
    opened = await openEmbeddedEventStore(dataDir);
  });
});
