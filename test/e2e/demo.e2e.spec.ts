import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../support/free-port';
import { deleteKeysOf } from '../support/redis-keys';

const REPO = join(__dirname, '..', '..');
const PREFIX = `demo-e2e-${process.pid}`;

/** `npm run demo` as a newcomer starts it, on a small scale: it fills its year, then serves it. */
describe('npm run demo', () => {
  let dataDir: string;
  let child: ChildProcess;
  let exited: Promise<number | null>;
  let out = '';
  let err = '';
  let base: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'referral-demo-'));
    const port = await freePort();
    base = `http://localhost:${port}`;
    child = spawn(process.execPath, ['-r', '@swc-node/register', join(REPO, 'apps', 'cli', 'demo.ts'), '--scale', '0.02'], {
      cwd: REPO,
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), REDIS_PREFIX: PREFIX, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Ctrl-C stops the service.')) resolve();
      });
      child.stderr!.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-5_000)));
      void exited.then((code) => reject(new Error(`the demo exited (${code}) before it was ready:\n${err}`)));
    });
  }, 240_000);

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
    const redis = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true });
    await deleteKeysOf(redis, PREFIX);
    await redis.quit();
  });

  it('prints where to look once its simulated year is in, with no errors', () => {
    expect(out).toMatch(/^errors: 0$/m);
    expect(out).toMatch(/^demo: the simulated year took /m);
    expect(out).toContain(`Referral demo running: open ${base}/ in a browser`);
    expect(err).toMatch(/simulate: day \d+\/365/);
    expect(out).toMatch(/^handovers: [1-9]\d* new/m);
  });

  it('serves the web app with the demo sign-in, and the year is in the views', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');
    expect(await (await fetch(`${base}/app/config.json`)).json()).toEqual({ demo: true, oidc: null });
    const signIn = await fetch(`${base}/app/demo-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ org: 'boj-vasterort', role: 'coordinator' }) });
    const { token } = (await signIn.json()) as { token: string };
    const cases = await fetch(`${base}/api/v1/cases?limit=5`, { headers: { authorization: `Bearer ${token}` } });
    expect(cases.status).toBe(200);
    expect(((await cases.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
  });

  it('stops on Ctrl-C', async () => {
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
