import type { Redis } from 'ioredis';

/** Every key matching `pattern`, by SCAN (never KEYS on a shared server). */
export async function keysOf(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys;
}

/** Deletes this run's keys only (never FLUSHALL: other suites share the server). */
export async function deleteKeysOf(redis: Redis, prefix: string): Promise<void> {
  const keys = await keysOf(redis, `${prefix}:*`);
  for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
}
