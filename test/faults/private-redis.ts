import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from '../support/free-port';
import { eventually } from '../support/eventually';

/** A Redis server of the fault suite's own, so FLUSHALL touches nobody else's keys. */
export class PrivateRedis {
  private constructor(private readonly child: ChildProcess, readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const port = await freePort();
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    const server = new PrivateRedis(child, port);
    await eventually(async () => (await server.command((r) => r.ping()).catch(() => null)) === 'PONG', {
      what: 'the private Redis to answer',
      timeoutMs: 10_000,
    });
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async flushAll(): Promise<void> {
    await this.command((r) => r.flushall());
  }

  async stop(): Promise<void> {
    this.child.kill('SIGKILL');
  }

  private async command<T>(work: (redis: Redis) => Promise<T>): Promise<T> {
    const redis = new Redis(this.url, { maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: () => null });
    redis.on('error', () => undefined); // a refused connect rejects connect() below; nothing else to tell
    try {
      await redis.connect();
      return await work(redis);
    } finally {
      redis.disconnect();
    }
  }
}
