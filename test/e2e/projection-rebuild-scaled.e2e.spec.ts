import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { TEST_JWT_SECRET } from '../support/app';
import { eventually } from '../support/eventually';
import { handoverBody } from '../support/handovers';
import { deleteKeysOf } from '../support/redis-keys';
import { ServiceProcess } from '../support/service-process';
import { serviceShapes, type ServiceShape } from '../support/service-shapes';
import { bearer, tokenFor } from '../support/tokens';

const REPO = join(__dirname, '..', '..');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const [, postgresShape] = serviceShapes.find(([name]) => name === 'postgres')!;

/**
 * The scaled shape: an API process (`npm run start:api`) and a worker process
 * (`npm run start:worker`) on a PostgreSQL schema of their own. The API only writes the rebuild
 * request; the worker claims it, rebuilds, and writes its progress and outcome, which the API
 * answers, to the HTTP route and to `npm run projections:rebuild` alike.
 */
describe('rebuilding a read model in the scaled shape (API and worker processes, PostgreSQL)', () => {
  let shape: ServiceShape;
  let api: ServiceProcess | undefined;
  let worker: ServiceProcess | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'referral-rebuild-scaled-'));
  const redisPrefix = `rebuild-scaled-${randomBytes(5).toString('hex')}`;
  let admin: Record<string, string>;
  let coordinator: Record<string, string>;

  const processOf = (main: string, env: Record<string, string>) =>
    ServiceProcess.start({
      dataDir: join(dataDir, main.split('/')[1]),
      redisPrefix,
      nodeArgs: ['-r', '@swc-node/register', main],
      env: { ...shape.env, LOG_LEVEL: 'info', ...env },
      readyTimeoutMs: 120_000,
    });
  const get = async (path: string, headers: Record<string, string>) => {
    const response = await fetch(`${api!.baseUrl}${path}`, { headers });
    return { status: response.status, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    shape = await postgresShape();
    worker = await processOf('apps/worker/src/main.ts', { WORKER_HEALTH_PORT: '0' });
    api = await processOf('apps/api/src/main.ts', { PORT: '0' });
    admin = bearer(await tokenFor('ops', 'city', ['admin']));
    coordinator = bearer(await tokenFor('c', 'boj-vasterort', ['coordinator']));
    const police = bearer(await tokenFor('p', 'city', ['police-integration']));
    for (let i = 0; i < 8; i++) {
      const sent = await fetch(`${api.baseUrl}/handovers`, {
        method: 'POST', headers: { ...police, 'content-type': 'application/json' }, body: JSON.stringify(handoverBody()),
      });
      expect(sent.status).toBe(201);
    }
    // The worker's deadline timers record the breaches first, so nothing changes but the rebuild.
    await eventually(async () => (await get('/cases?limit=500&slaState=breached', coordinator)).body.items?.length === 8, 60_000);
  }, 300_000);

  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    await shape?.drop();
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    await deleteKeysOf(redis, redisPrefix);
    redis.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the API process takes the request, the worker process runs it, and the API answers its state until finished', async () => {
    const list = await get('/admin/projections', admin);
    expect(list.status).toBe(200);
    expect(list.body.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['case_views', 'sla', 'statistics']));
    const before = (await get('/cases?limit=500', coordinator)).body;

    const started = await fetch(`${api!.baseUrl}/admin/projections/case_views/rebuild`, { method: 'POST', headers: admin });
    expect(started.status).toBe(202);
    expect(await started.json()).toMatchObject({ name: 'case_views', state: 'running', progress: null });
    const done = await eventually(async () => {
      const { body } = await get('/admin/projections/case_views', admin);
      return body.state === 'finished' ? body : undefined;
    }, { timeoutMs: 120_000, what: async () => `case_views finished; it is ${JSON.stringify((await get('/admin/projections/case_views', admin)).body)}\n${worker!.log}` });
    expect(done.progress).toMatchObject({ finished: true, fraction: 1, generation: 2 });
    expect(done.progress.eventsDone).toBeGreaterThanOrEqual(8);
    expect((await get('/cases?limit=500', coordinator)).body).toEqual(before);
    expect((await fetch(`${api!.baseUrl}/admin/projections/nope/rebuild`, { method: 'POST', headers: admin })).status).toBe(404);
  }, 180_000);

  it('npm run projections:rebuild reaches the worker through the API process', async () => {
    const run = await runCli(['sla', '--url', `http://127.0.0.1:${api!.port}`]);
    expect({ code: run.code, tail: run.stderr.slice(-300) }).toEqual({ code: 0, tail: expect.stringContaining('sla: rebuilt and swapped in') });
    const { body } = await get('/admin/projections/sla', admin);
    expect(body).toMatchObject({ name: 'sla', state: 'finished', progress: { finished: true, generation: 2 } });
  }, 180_000);
});

/** `npm run projections:rebuild -- <args>` as an operator runs it, with the service's secret in the environment. */
function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/cli/rebuild.ts', ...args], {
    cwd: REPO,
    env: { ...process.env, NODE_OPTIONS: '', AUTH_JWT_SECRET: TEST_JWT_SECRET },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    }),
  );
}
