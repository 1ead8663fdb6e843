import { existsSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * One run of a process, told apart from a later process that got the same pid. The optional
 * fields come from Linux's /proc and are absent where it is not mounted.
 */
export interface ProcessInstance {
  pid: number;
  /** When it started, in clock ticks since boot (/proc/<pid>/stat, field 22). */
  startTime?: string;
  /** The kernel's id of this boot: pids and start times from another boot mean nothing. */
  bootId?: string;
  /** The pid namespace (a container has its own): pids from another namespace mean nothing here. */
  pidNamespace?: string;
}

const procMounted = existsSync('/proc/self/stat');

export function thisProcess(): ProcessInstance {
  const startTime = procMounted ? readStartTime(process.pid) : undefined;
  return {
    pid: process.pid,
    ...(typeof startTime === 'string' ? { startTime } : {}),
    ...optional('bootId', () => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()),
    ...optional('pidNamespace', () => readlinkSync('/proc/self/ns/pid')),
  };
}

/** The process running with `pid` in this pid namespace, or null when none does. */
export function runningInstance(pid: number): ProcessInstance | null {
  if (!signalable(pid)) return null;
  if (!procMounted) return { pid };
  const startTime = readStartTime(pid);
  if (startTime === null) return null; // it exited meanwhile
  return startTime === undefined ? { pid } : { pid, startTime };
}

function signalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Its start time; null when it does not exist; undefined when it exists but cannot be read. */
function readStartTime(pid: number): string | null | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : undefined;
  }
  // The command name (field 2) sits in parentheses and may hold spaces and parentheses itself.
  const fieldsFromState = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fieldsFromState[22 - 3];
}

function optional<K extends 'bootId' | 'pidNamespace'>(key: K, read: () => string): Partial<Record<K, string>> {
  if (!procMounted) return {};
  try {
    return { [key]: read() } as Record<K, string>;
  } catch {
    return {};
  }
}
