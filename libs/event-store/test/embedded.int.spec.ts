import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openEmbeddedEventStore, StoreLockedError, type EmbeddedEventStore } from '@referral/event-store';
import { describeEventStoreContract, type EventStoreHarness } from '@referral/event-store/testing';
import { freshEmbeddedDataDir } from '../../../test/support/embedded-data-dir';
import { eventually } from '../../../test/support/eventually';
import { startStoreProcess } from './embedded/embedded-store-process-runner';

const tempDirs: string[] = [];
const lockHolderPid = (dataDir: string) => readFileSync(join(dataDir, 'referral.lock'), 'utf8').split('\n')[0];
/** A DATA_DIR holding a copy of an empty database (pglite-on-disk.int.spec.ts makes one from nothing). */
async function freshDataDir(): Promise<string> {
  const dir = await freshEmbeddedDataDir();
  tempDirs.push(dir);
  return dir;
}

/**
 * One data directory for the whole contract run, because opening PGlite from disk takes a
 * second or two and the suite keeps its streams apart anyway. Reopening closes the database and
 * opens it again from disk: real durability.
 */
let contractDataDir: string | undefined;
const fast = { subscriptionTiming: { pollMinMs: 2, pollMaxMs: 20 } };
let contractStore: EmbeddedEventStore | undefined;
afterAll(async () => {
  await contractStore?.close();
  tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

async function embeddedHarness(): Promise<EventStoreHarness> {
  contractDataDir ??= await freshDataDir();
  contractStore ??= await openEmbeddedEventStore(contractDataDir, fast);
  const harness: EventStoreHarness = {
    store: contractStore.store,
    async reopen() {
      await contractStore?.close();
      contractStore = await openEmbeddedEventStore(contractDataDir!, fast);
      return (harness.store = contractStore.store);
    },
    dispose: async () => undefined,
  };
  return harness;
}

// The directory is shared by the whole run, so the head and counts are checked as bounds.
describeEventStoreContract('embedded PGlite (on disk)', embeddedHarness, { exclusive: false });

describe('the embedded data directory lock', () => {
  let opened: EmbeddedEventStore | undefined;
  afterEach(() => opened?.close());

  it('refuses a second open in the same process, and allows it after close', async () => {
    const dataDir = await freshDataDir();
    opened = await openEmbeddedEventStore(dataDir);
    expect(lockHolderPid(dataDir)).toBe(String(process.pid));
    const refusal = await openEmbeddedEventStore(dataDir).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StoreLockedError);
    expect((refusal as StoreLockedError).holderPid).toBe(process.pid);
    expect((refusal as Error).message).toContain(dataDir);
    await opened.close();
    expect(existsSync(join(dataDir, 'referral.lock'))).toBe(false);
    opened = await openEmbeddedEventStore(dataDir);
  });

  it('refuses another process while this one holds the directory', async () => {
    const dataDir = await freshDataDir();
    opened = await openEmbeddedEventStore(dataDir);
    const other = startStoreProcess(dataDir, 'try');
    expect(await other.firstLine).toBe(`locked ${process.pid}`);
    expect(await other.exited).toBe(3);
  });

  it('is refused while another process holds it, and takes the lock over once that process died', async () => {
    const dataDir = await freshDataDir();
    const holder = startStoreProcess(dataDir, 'hold');
    expect(await holder.firstLine).toBe('opened');
    const refusal = await openEmbeddedEventStore(dataDir).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StoreLockedError);
    expect((refusal as StoreLockedError).holderPid).toBe(holder.child.pid);
    expect((refusal as Error).message).toContain(`pid ${holder.child.pid}`);

    holder.child.kill('SIGKILL');
    await holder.exited;
    opened = await openEmbeddedEventStore(dataDir);
    expect(lockHolderPid(dataDir)).toBe(String(process.pid));
  });

  it('keeps the events of a process that released the directory', async () => {
    const dataDir = await freshDataDir();
    const writer = startStoreProcess(dataDir, 'try');
    expect(await writer.firstLine).toBe('opened');
    expect(await writer.exited).toBe(0);
    opened = await openEmbeddedEventStore(dataDir);
    const written = await opened.store.readStream('written-by-another-process');
    expect(written.map((event) => event.data)).toEqual([{ pid: writer.child.pid }]);
  });

  it('takes over a lock left by a crashed process whose pid a live process got since', async () => {
    const dataDir = await freshDataDir();
    const reuser = spawn(process.execPath, ['-e', 'process.stdin.resume()'], { stdio: ['pipe', 'ignore', 'ignore'] });
    const reuserExited = new Promise((done) => reuser.once('exit', done));
    try {
      // The crashed holder started at tick 1 after boot; the live process with its pid did not.
      writeFileSync(join(dataDir, 'referral.lock'), `${reuser.pid}\nstart-time 1\n`);
      opened = await openEmbeddedEventStore(dataDir);
      expect(lockHolderPid(dataDir)).toBe(String(process.pid));
    } finally {
      reuser.kill('SIGKILL');
      await reuserExited;
    }
  });

  it('takes over a lock of our own pid left by an earlier process (a container restarted: pid 1 again)', async () => {
    const dataDir = await freshDataDir();
    writeFileSync(join(dataDir, 'referral.lock'), `${process.pid}\nstart-time 1\n`);
    opened = await openEmbeddedEventStore(dataDir);
    expect(lockHolderPid(dataDir)).toBe(String(process.pid));
    await opened.close();

    writeFileSync(join(dataDir, 'referral.lock'), `${process.pid}\n`); // as earlier versions wrote it
    opened = await openEmbeddedEventStore(dataDir);
    expect(readFileSync(join(dataDir, 'referral.lock'), 'utf8')).toMatch(new RegExp(`^${process.pid}\nstart-time \\d+\n`));
  });

  it('refuses a lock from another pid namespace (a container on the same volume) until its heartbeat stops', async () => {
    const dataDir = await freshDataDir();
    const lock = join(dataDir, 'referral.lock');
    writeFileSync(lock, '1\nstart-time 1\npid-namespace pid:[1]\n');
    await expect(openEmbeddedEventStore(dataDir)).rejects.toBeInstanceOf(StoreLockedError);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, minuteAgo, minuteAgo);
    opened = await openEmbeddedEventStore(dataDir);
    expect(lockHolderPid(dataDir)).toBe(String(process.pid));
  });

  it('refreshes the lock file while it holds the directory (its heartbeat)', async () => {
    const dataDir = await freshDataDir();
    const lock = join(dataDir, 'referral.lock');
    opened = await openEmbeddedEventStore(dataDir);
    utimesSync(lock, new Date(0), new Date(0));
    await eventually(async () => (statSync(lock).mtimeMs > 0 ? true : undefined), 15_000, 100);
  });

  it('takes over a lock file left with no pid long ago, but not a fresh one', async () => {
    const dataDir = await freshDataDir();
    writeFileSync(join(dataDir, 'referral.lock'), '');
    await expect(openEmbeddedEventStore(dataDir)).rejects.toBeInstanceOf(StoreLockedError);
    utimesSync(join(dataDir, 'referral.lock'), new Date(0), new Date(0));
    opened = await openEmbeddedEventStore(dataDir);
  });
});
