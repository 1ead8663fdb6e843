import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceProcess } from '../support/service-process';
import { PartitionProxy } from './partition-proxy';
import { PrivatePostgres } from './private-postgres';
import { PrivateRedis } from './private-redis';

export type Role = 'api' | 'worker';

/** One process of the shape: its label, and the running process (replaced when it is restarted). */
export interface Member {
  label: string;
  role: Role;
  process: ServiceProcess | null;
  /** Workers reach PostgreSQL through a proxy of their own, so one can be cut off alone. */
  proxy?: PartitionProxy;
}

/**
 * The scaled shape on this machine, all of it the fault suite's own: a PostgreSQL server and a
 * Redis server started for the run, two API processes (`npm run start:api`) and two workers
 * (`npm run start:worker`) on them, as separate Node processes.
 */
export class ScaledShape {
  readonly members: Member[] = [];
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'referral-faults-'));
  private readonly env: Record<string, string>;

  private constructor(readonly postgres: PrivatePostgres, readonly redis: PrivateRedis) {
    this.env = {
      EVENT_STORE: 'postgres',
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      PII_MASTER_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'info',
    };
  }

  static async start(): Promise<ScaledShape> {
    const [postgres, redis] = await Promise.all([PrivatePostgres.start(), PrivateRedis.start()]);
    const shape = new ScaledShape(postgres, redis);
    shape.members.push({ label: 'api-1', role: 'api', process: null }, { label: 'api-2', role: 'api', process: null });
    for (const label of ['worker-a', 'worker-b']) {
      shape.members.push({ label, role: 'worker', process: null, proxy: await PartitionProxy.start({ host: '127.0.0.1', port: postgres.port }) });
    }
    // The first one makes the schema; the others start beside each other.
    await shape.launch(shape.members[0]!);
    await Promise.all(shape.members.slice(1).map((member) => shape.launch(member)));
    return shape;
  }

  get apiUrls(): string[] {
    return this.members.filter((m) => m.role === 'api' && m.process?.running).map((m) => m.process!.baseUrl);
  }

  get workers(): Member[] {
    return this.members.filter((m) => m.role === 'worker');
  }

  member(label: string): Member {
    return this.members.find((m) => m.label === label)!;
  }

  /** Starts (or starts again) a member; resolves once it is ready. */
  async launch(member: Member): Promise<void> {
    const main = member.role === 'api' ? 'apps/api/src/main.ts' : 'apps/worker/src/main.ts';
    const database = member.proxy ? this.postgres.urlAt(member.proxy.port) : this.postgres.url;
    member.process = await ServiceProcess.start({
      dataDir: join(this.dataDir, member.label),
      redisPrefix: 'faults',
      nodeArgs: ['-r', '@swc-node/register', main],
      env: { ...this.env, DATABASE_URL: database, ...(member.role === 'api' ? { PORT: '0' } : { WORKER_HEALTH_PORT: '0' }) },
      readyTimeoutMs: 180_000,
      keepOutput: 2_000_000,
    });
  }

  async kill(member: Member): Promise<void> {
    await member.process?.kill();
  }

  async stop(): Promise<void> {
    await Promise.all(this.members.map((m) => m.process?.stop().catch(() => m.process?.kill())));
    await Promise.all(this.members.map((m) => m.proxy?.close()));
    await Promise.all([this.postgres.stop(), this.redis.stop()]);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
