import { closeSync, openSync, readFileSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StoreLockedError } from '../errors';
import { formatLockRecord, LOCK_HEARTBEAT_MS, lockIsStale, parseLockRecord } from './lock-record';
import { runningInstance, thisProcess } from './process-instance';

/** A lock file whose birth is younger than this may still be waiting for its pid to be written. */
const UNWRITTEN_LOCK_GRACE_MS = 5_000;

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): void;
}

/**
 * Takes `<dataDir>/referral.lock`, created exclusively and naming this process instance (pid,
 * start time, boot id, pid namespace; see lock-record.ts), so two processes never open the same
 * embedded database. While held, its mtime is refreshed every few seconds. A lock whose holder is
 * gone is taken over, also when its pid now belongs to another process (this one included, as
 * after a container restart).
 * @throws StoreLockedError when a running process holds it (this one included).
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = join(dataDir, 'referral.lock');
  const self = thisProcess();
  const record = formatLockRecord(self);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createExclusively(path, record)) return heldLock(path, record);
    const text = readLockText(path);
    if (text === undefined) continue; // removed meanwhile: try again
    const holder = parseLockRecord(text);
    const held =
      holder === null
        ? ageMs(path) < UNWRITTEN_LOCK_GRACE_MS
        : !lockIsStale(holder, { self, running: runningInstance, heartbeatAgeMs: ageMs(path) });
    if (held) throw new StoreLockedError(dataDir, holder?.pid ?? null);
    // Only the stale lock just judged: another process may have taken it over since.
    if (readLockText(path) === text) removeIfExists(path);
  }
  throw new StoreLockedError(dataDir, parseLockRecord(readLockText(path) ?? '')?.pid ?? null);
}

function heldLock(path: string, record: string): DataDirLock {
  const heartbeat = setInterval(() => touch(path), LOCK_HEARTBEAT_MS);
  heartbeat.unref();
  return {
    path,
    release: () => {
      clearInterval(heartbeat);
      if (readLockText(path) === record) removeIfExists(path);
    },
  };
}

function createExclusively(path: string, record: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, record);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The lock file's text; `undefined` when it is gone. */
function readLockText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Since the lock file was last written or touched; infinite when it is gone. */
function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function touch(path: string): void {
  const now = new Date();
  try {
    utimesSync(path, now, now);
  } catch {
    // Gone: nothing left to refresh.
  }
}

function removeIfExists(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
