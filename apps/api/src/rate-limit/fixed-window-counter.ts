import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Clock } from '@referral/platform';

export interface WindowCount {
  count: number;
  /** When the current window ends and the count starts again from zero. */
  resetsAt: number;
}

const INCREMENT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;
/** Past this, Redis is taken as away for this one call. */
const REDIS_TIMEOUT_MS = 250;
const MEMORY_ENTRIES_MAX = 100_000;

/**
 * Requests per client in fixed windows, counted in Redis so that every API process of the scaled
 * shape shares one count. The window comes from the injected clock (Redis only expires the keys),
 * so tests move time by hand. Clients are hashed in the key: an IP address is personal data.
 *
 * When Redis is away the counter fails open to a count in this process's memory: the limit then
 * holds per process rather than not at all, and intake keeps working during a Redis outage.
 */
export class FixedWindowCounter {
  private readonly memory = new Map<string, { count: number; expiresAt: number }>();

  constructor(
    private readonly redis: Redis,
    private readonly clock: Clock,
    private readonly keyPrefix: string,
    private readonly windowMs: number,
  ) {}

  /** Counts one more request of this client and answers the count including it. */
  async increment(scope: string, client: string): Promise<WindowCount> {
    const { key, resetsAt } = this.window(scope, client);
    const fromRedis = await this.fromRedis(() => this.redis.eval(INCREMENT, 1, key, String(this.windowMs * 2)));
    return { count: fromRedis ?? this.incrementInMemory(key, resetsAt), resetsAt };
  }

  /** The client's count in the current window, without adding to it. */
  async current(scope: string, client: string): Promise<WindowCount> {
    const { key, resetsAt } = this.window(scope, client);
    const fromRedis = await this.fromRedis(() => this.redis.get(key));
    return { count: fromRedis ?? this.memory.get(key)?.count ?? 0, resetsAt };
  }

  private window(scope: string, client: string): { key: string; resetsAt: number } {
    const index = Math.floor(this.clock.now().getTime() / this.windowMs);
    const hashed = createHash('sha256').update(client).digest('base64url').slice(0, 22);
    return { key: `${this.keyPrefix}:rate:${scope}:${hashed}:${index}`, resetsAt: (index + 1) * this.windowMs };
  }

  /**
   * The command is sent synchronously when Redis is ready, so commands keep the order they were
   * issued in (one connection); a Redis that is not ready is not waited for: ioredis would queue
   * the command until it came back.
   */
  private async fromRedis(command: () => Promise<unknown>): Promise<number | null> {
    if (this.redis.status !== 'ready') return null;
    let timer: NodeJS.Timeout | undefined;
    try {
      const answer = await Promise.race([
        command(),
        new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), REDIS_TIMEOUT_MS); }),
      ]);
      if (answer === 'timeout') return null;
      return answer === null ? 0 : Number(answer);
    } catch {
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  private incrementInMemory(key: string, resetsAt: number): number {
    if (this.memory.size >= MEMORY_ENTRIES_MAX) this.forgetExpired();
    const entry = this.memory.get(key) ?? { count: 0, expiresAt: resetsAt };
    entry.count += 1;
    this.memory.set(key, entry);
    return entry.count;
  }

  private forgetExpired(): void {
    const now = this.clock.now().getTime();
    for (const [key, entry] of this.memory) if (entry.expiresAt <= now) this.memory.delete(key);
    // Still full of live windows: drop the oldest rather than grow without bound.
    for (const key of this.memory.keys()) {
      if (this.memory.size < MEMORY_ENTRIES_MAX) break;
      this.memory.delete(key);
    }
  }
}
