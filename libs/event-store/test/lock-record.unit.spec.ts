import {
  formatLockRecord,
  LOCK_HEARTBEAT_STALE_MS,
  lockIsStale,
  parseLockRecord,
  type LockSurroundings,
} from '../src/embedded/lock-record';
import type { ProcessInstance } from '../src/embedded/process-instance';

const BOOT = 'b1e0c0de-0000-4000-8000-000000000001';
const NAMESPACE = 'pid:[4026531836]';
const self: ProcessInstance = { pid: 1, startTime: '900', bootId: BOOT, pidNamespace: NAMESPACE };

/** This process (pid 1, started at tick 900) and the other processes that run here. */
function surroundings(others: ProcessInstance[], heartbeatAgeMs = 1_000): LockSurroundings {
  const all = [self, ...others];
  return { self, heartbeatAgeMs, running: (pid) => all.find((process) => process.pid === pid) ?? null };
}

describe('the lock file record', () => {
  it('writes the pid first, then each known part of the identity, and reads it back', () => {
    const text = formatLockRecord(self);
    expect(text).toBe(`1\nstart-time 900\nboot-id ${BOOT}\npid-namespace ${NAMESPACE}\n`);
    expect(parseLockRecord(text)).toEqual(self);
  });

  it('reads a lock of an earlier version, which holds only the pid', () => {
    expect(parseLockRecord('4242\n')).toEqual({ pid: 4242 });
  });

  it('names no holder for an empty or unreadable pid line', () => {
    expect(parseLockRecord('')).toBeNull();
    expect(parseLockRecord('pid?\nstart-time 1\n')).toBeNull();
  });
});

describe('whether a lock is stale', () => {
  it('is held by this very process instance', () => {
    expect(lockIsStale(self, surroundings([]))).toBe(false);
  });

  it('is held by another live instance', () => {
    const other = { pid: 77, startTime: '500', bootId: BOOT, pidNamespace: NAMESPACE };
    expect(lockIsStale(other, surroundings([{ pid: 77, startTime: '500' }]))).toBe(false);
  });

  it('is stale when its pid runs no process', () => {
    expect(lockIsStale({ ...self, pid: 77 }, surroundings([]))).toBe(true);
  });

  it('is stale when another process got its pid (a later start time)', () => {
    const crashed = { pid: 77, startTime: '500', bootId: BOOT, pidNamespace: NAMESPACE };
    expect(lockIsStale(crashed, surroundings([{ pid: 77, startTime: '8000' }]))).toBe(true);
  });

  it('is stale when it names our pid with another start time (a container restarted: pid 1 again)', () => {
    expect(lockIsStale({ ...self, startTime: '120' }, surroundings([]))).toBe(true);
  });

  it('is stale when it names only our pid (written by an earlier version before a restart)', () => {
    expect(lockIsStale({ pid: self.pid }, surroundings([]))).toBe(true);
  });

  it('is held when it names only the pid of another live process (nothing to tell them apart)', () => {
    expect(lockIsStale({ pid: 77 }, surroundings([{ pid: 77, startTime: '500' }]))).toBe(false);
  });

  it('is stale when it was written in an earlier boot, whatever runs with its pid now', () => {
    expect(lockIsStale({ ...self, bootId: 'an-earlier-boot' }, surroundings([]))).toBe(true);
  });

  it('from another pid namespace, is held while its heartbeat is fresh and stale once it stopped', () => {
    const otherContainer = { pid: 1, startTime: '900', bootId: BOOT, pidNamespace: 'pid:[4026532999]' };
    expect(lockIsStale(otherContainer, surroundings([], LOCK_HEARTBEAT_STALE_MS))).toBe(false);
    expect(lockIsStale(otherContainer, surroundings([], LOCK_HEARTBEAT_STALE_MS + 1))).toBe(true);
  });
});
