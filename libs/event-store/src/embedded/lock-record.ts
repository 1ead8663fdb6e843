import type { ProcessInstance } from './process-instance';

/** How often a holder refreshes its lock file's mtime (its heartbeat). */
export const LOCK_HEARTBEAT_MS = 5_000;
/**
 * A lock from another pid namespace whose heartbeat is older than this is stale. Its pid cannot be
 * checked from here, and it may be a live container on the same volume.
 */
export const LOCK_HEARTBEAT_STALE_MS = 30_000;

const FIELDS = [
  ['startTime', 'start-time'],
  ['bootId', 'boot-id'],
  ['pidNamespace', 'pid-namespace'],
] as const;

/**
 * The lock file's text: the pid on the first line (all that earlier versions wrote and read),
 * then one `name value` line per known part of the holder's identity.
 */
export function formatLockRecord(holder: ProcessInstance): string {
  const lines = [String(holder.pid)];
  for (const [key, name] of FIELDS) if (holder[key] !== undefined) lines.push(`${name} ${holder[key]}`);
  return `${lines.join('\n')}\n`;
}

/** The holder a lock file names; null when it names none (yet). */
export function parseLockRecord(text: string): ProcessInstance | null {
  const [first = '', ...rest] = text.split('\n');
  const pid = Number(first.trim());
  if (!Number.isSafeInteger(pid) || pid <= 0) return null;
  const holder: ProcessInstance = { pid };
  for (const line of rest) {
    const space = line.indexOf(' ');
    const field = FIELDS.find(([, name]) => name === line.slice(0, space));
    if (field && space > 0) holder[field[0]] = line.slice(space + 1).trim();
  }
  return holder;
}

export interface LockSurroundings {
  /** This process, which wants the lock. */
  self: ProcessInstance;
  /** The process running with a pid in this pid namespace, or null. */
  running(pid: number): ProcessInstance | null;
  /** Time since the lock file's mtime (its holder's last heartbeat). */
  heartbeatAgeMs: number;
}

/**
 * Whether a lock's holder has gone, so the lock may be taken over: it was written before this boot,
 * or its pid runs no process here, or a process other than the holder got that pid (after a crash,
 * a container's new process is pid 1 again). A lock of this very process is held, not stale.
 */
export function lockIsStale(holder: ProcessInstance, { self, running, heartbeatAgeMs }: LockSurroundings): boolean {
  if (differ(holder.bootId, self.bootId)) return true;
  if (differ(holder.pidNamespace, self.pidNamespace)) return heartbeatAgeMs > LOCK_HEARTBEAT_STALE_MS;
  const live = running(holder.pid);
  if (live === null) return true;
  if (holder.startTime !== undefined && live.startTime !== undefined) return holder.startTime !== live.startTime;
  // A lock naming only a pid comes from an older version or a system without /proc. With our own
  // pid it is not ours when we would have written our start time.
  return holder.pid === self.pid && self.startTime !== undefined;
}

/** Both known and not the same. */
function differ(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a !== b;
}
