import IORedis from 'ioredis';
import { DeadlineTimers } from '../src';
import { eventually } from '../../../test/support/eventually';
import { MemoryLog } from './support/timers-fixture';

/** Resolves with whether `work` settled within `ms`; its own timer never outlives it. */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('deadline timers stopped while Redis is away', () => {
  it('stop ends without waiting for Redis', async () => {
    // Nothing listens on port 1: the connection stays in "reconnecting" for the whole test.
    const connection = new IORedis('redis://127.0.0.1:1', { maxRetriesPerRequest: null, retryStrategy: () => 50 });
    connection.on('error', () => undefined);
    try {
      const log = new MemoryLog();
      const timers = new DeadlineTimers({ connection, prefix: 'stop-without-redis', storeId: 'test-store', clock: { now: () => new Date() }, logger: log });
      void timers.start(async () => undefined).catch(() => undefined); // waits for Redis that never comes
      // The worker is under way (its loop and lock timer run) once it reports the connection failing.
      await eventually(() => log.lines.some((line) => line.message === 'Deadline timer worker error'), { what: 'a worker connection error' });
      expect(await settlesWithin(timers.stop(), 10_000)).toBe(true);
    } finally {
      connection.disconnect();
    }
  }, 30_000);
});
