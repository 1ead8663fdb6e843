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
  let cursor = '0';
  do {
    const [next, keys] = await connection.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    if (keys.length > 0) await connection.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
