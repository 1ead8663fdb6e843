import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { eventually } from '../support/eventually';
import { handoverBody } from '../support/handovers';
import { deleteKeysOf } from '../support/redis-keys';
import { ServiceProcess } from '../support/service-process';
import { serviceShapes, type ServiceShape } from '../support/service-shapes';
import { bearer, tokenFor } from '../support/tokens';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const [, postgresShape] = serviceShapes.find(([name]) => name === 'postgres')!;
/** The promise: a dead holder's lease moves to another worker within 10 s. */
const TAKEOVER_MS = 10_000;

interface Component {
  kind: string;
  name: string;
  lease?: 'held' | 'standby';
  stuck: boolean;
}

/**
 * The scaled shape with two worker processes (`npm run start:worker` twice) and an API process on
 * a PostgreSQL schema of their own: each projection runs in one worker, under its lease; when
 * that worker is killed (-9: no release), the other takes the lease over and the read model keeps up.
 */
describe('projection leases across two worker processes (PostgreSQL)', () => {
  let shape: ServiceShape;
  let api: ServiceProcess | undefined;
  const workers: ServiceProcess[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'referral-leases-scaled-'));
  const redisPrefix = `leases-scaled-${randomBytes(5).toString('hex')}`;
  let coordinator: Record<string, string>;
  let police: Record<string, string>;

  const processOf = (label: string, main: string, env: Record<string, string>) =>
    ServiceProcess.start({
      dataDir: join(dataDir, label),
      redisPrefix,
      nodeArgs: ['-r', '@swc-node/register', main],
      env: { ...shape.env, LOG_LEVEL: 'info', ...env },
      readyTimeoutMs: 120_000,
    });
  const componentsOf = async (worker: ServiceProcess): Promise<Component[]> =>
    ((await (await fetch(`http://127.0.0.1:${worker.port}/api/v1/health`)).json()) as { components: Component[] }).components;
  const leaseOf = async (worker: ServiceProcess, name: string) => (await componentsOf(worker)).find((c) => c.name === name)?.lease;
  const worklist = async () =>
    ((await (await fetch(`${api!.baseUrl}/cases?limit=500`, { headers: coordinator })).json()) as { items: unknown[] }).items.length;
  const sendHandover = async () =>
    (await fetch(`${api!.baseUrl}/handovers`, {
      method: 'POST', headers: { ...police, 'content-type': 'application/json' }, body: JSON.stringify(handoverBody()),
    })).status;

  beforeAll(async () => {
    shape = await postgresShape();
    workers.push(await processOf('worker-a', 'apps/worker/src/main.ts', { WORKER_HEALTH_PORT: '0' }));
    workers.push(await processOf('worker-b', 'apps/worker/src/main.ts', { WORKER_HEALTH_PORT: '0' }));
    api = await processOf('api', 'apps/api/src/main.ts', { PORT: '0' });
    coordinator = bearer(await tokenFor('c', 'boj-vasterort', ['coordinator']));
    police = bearer(await tokenFor('p', 'city', ['police-integration']));
  }, 300_000);

  afterAll(async () => {
    await api?.stop();
    for (const worker of workers) await worker.stop();
    await shape?.drop();
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    await deleteKeysOf(redis, redisPrefix);
    redis.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('each projection and reaction is held by exactly one worker; the other stands by without being stuck', async () => {
    await eventually(async () => {
      const [a, b] = await Promise.all(workers.map(componentsOf));
      const leased = a!.filter((c) => c.kind === 'projection' || c.kind === 'reaction');
      return leased.length > 0 && leased.every((c) => {
        const other = b!.find((o) => o.kind === c.kind && o.name === c.name);
        return other && [c.lease, other.lease].sort().join() === 'held,standby';
      });
    }, { timeoutMs: 60_000, what: async () => `one holder each; ${JSON.stringify(await Promise.all(workers.map(componentsOf)))}` });
    for (const worker of workers) {
      expect((await componentsOf(worker)).filter((c) => c.lease === 'standby' && c.stuck)).toEqual([]);
    }
    expect(await sendHandover()).toBe(201);
    await eventually(async () => (await worklist()) === 1, 30_000);
  }, 120_000);

  it('kill -9 of the worker holding case_views: the other takes it over within 10 s and the worklist keeps up', async () => {
    const holder = (await leaseOf(workers[0]!, 'case_views')) === 'held' ? workers[0]! : workers[1]!;
    const survivor = holder === workers[0] ? workers[1]! : workers[0]!;
    expect(await leaseOf(survivor, 'case_views')).toBe('standby');
    await holder.kill();
    // Saved either way; the API may answer 503 (read model behind) while the lease is moving.
    expect([201, 503]).toContain(await sendHandover());
    await eventually(async () => (await leaseOf(survivor, 'case_views')) === 'held', {
      timeoutMs: TAKEOVER_MS,
      what: async () => `the survivor to hold case_views; ${JSON.stringify(await componentsOf(survivor))}\n${survivor.log.slice(-3000)}`,
    });
    await eventually(async () => (await worklist()) === 2, 30_000);
    expect(await sendHandover()).toBe(201);
    expect(await worklist()).toBe(3);
  }, 120_000);
});
