import type { Redis } from 'ioredis';

/** Redis did not answer within the wait; `code` is that of the connection's last error, if any. */
export class RedisUnavailableError extends Error {
  constructor(readonly waitedMs: number, readonly code: string | undefined) {
    super(`Redis did not answer within ${waitedMs} ms`);
    this.name = 'RedisUnavailableError';
  }
}

/**
 * Resolves once Redis answers a PING. The connection queues commands while it reconnects, so
 * without a bound the wait would last as long as Redis is away, and nobody would hear of it.
 */
export async function redisAnswers(redis: Redis, waitMs: number): Promise<void> {
  let lastError: unknown;
  const remember = (error: unknown) => (lastError = error);
  redis.on('error', remember);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.ping(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new RedisUnavailableError(waitMs, (lastError as { code?: string } | undefined)?.code)), waitMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    redis.off('error', remember);
  }
}
