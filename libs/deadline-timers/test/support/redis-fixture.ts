import { randomUUID } from 'node:crypto';
import IORedis, { type Redis } from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export function openRedis(): Redis {
  return new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
}

/** A key prefix no other test or run shares. */
export function uniquePrefix(): string {
  return `test-deadlines-${randomUUID().slice(0, 8)}`;
}

/**
 * Deletes every key under the prefix: what FLUSHALL does to this queue, without taking the keys
 * of other suites that share the server.
 */
export async function wipePrefix(connection: Redis, prefix: string): Promise<void> {
  // Gathered first and deleted in one command, so the loss is at once, as a flush or a restart is:
  // deleted batch by batch, a reconciliation woken by the first batch re-armed timers that a later
  // batch then deleted.
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await connection.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    keys.push(...found);
    cursor = next;
  } while (cursor !== '0');
  if (keys.length > 0) await connection.del(...new Set(keys));
}
