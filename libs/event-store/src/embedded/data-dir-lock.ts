import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StoreLockedError } from '../errors';

/** A lock file whose birth is younger than this may still be waiting for its pid to be written. */
const UNWRITTEN_LOCK_GRACE_MS = 5_000;

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): void;
}

/**
 * Takes `<dataDir>/referral.lock`, created exclusively and holding this process's pid, so two
 * processes never open the same embedded database. A lock left by a process that no longer runs
 * is taken over.
 * @throws StoreLockedError when a running process holds it (this one included).
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = join(dataDir, 'referral.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createExclusively(path)) return { path, release: () => releaseIfOurs(path) };
    const holder = readHolderPid(path);
    if (holder === undefined) continue; // removed meanwhile: try again
    if (holder === null ? isFresh(path) : isRunning(holder)) throw new StoreLockedError(dataDir, holder);
    removeIfExists(path);
  }
  throw new StoreLockedError(dataDir, readHolderPid(path) ?? null);
}

function createExclusively(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The holder's pid; `null` when the file holds no pid (yet); `undefined` when it is gone. */
function readHolderPid(path: string): number | null | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function isFresh(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs < UNWRITTEN_LOCK_GRACE_MS;
  } catch {
    return false;
  }
}

function releaseIfOurs(path: string): void {
  if (readHolderPid(path) === process.pid) removeIfExists(path);
}

function removeIfExists(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
