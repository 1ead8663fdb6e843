import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_MAIN, BUILT_PATH_ALIASES, BUILT_ROOT, ensureBuilt } from '../support/built-service';
import { handoverBody } from '../support/handovers';
import { ServiceProcess } from '../support/service-process';
import { bearer, tokenFor } from '../support/tokens';

/**
 * The production build (`npm run build`) run as `npm run start:prod` runs it: plain node on
 * dist/, no TypeScript loader, started outside the repository so nothing is found through the
 * working directory. Builds first when dist/ is missing or stale.
 */
describe('the built service (node dist/apps/main.js)', () => {
  let workDir: string;
  let service: ServiceProcess | undefined;

  beforeAll(() => {
    ensureBuilt();
    workDir = mkdtempSync(join(tmpdir(), 'referral-built-'));
  }, 240_000);

  afterAll(async () => {
    await service?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('starts on a fresh data directory, answers health 200 and receives a handover', async () => {
    service = await ServiceProcess.start({
      dataDir: join(workDir, 'data'),
      redisPrefix: `built-${randomBytes(6).toString('hex')}`,
      nodeArgs: ['-r', BUILT_PATH_ALIASES, BUILT_MAIN],
      cwd: workDir,
      env: { LOG_LEVEL: 'info' },
      readyTimeoutMs: 90_000,
    });

    const health = await fetch(`${service.baseUrl}/health`);
    expect(health.status).toBe(200);

    const police = bearer(await tokenFor('police-built', 'city', ['police-integration']));
    const handover = await fetch(`${service.baseUrl}/handovers`, {
      method: 'POST',
      headers: { ...police, 'content-type': 'application/json' },
      body: JSON.stringify(handoverBody()),
    });
    expect({ status: handover.status, body: await handover.json() }).toEqual({
      status: 201,
      body: { caseId: expect.any(String), routedTo: 'boj-vasterort', status: 'open' },
    });
  }, 120_000);

  it('requires only Node built-ins and production dependencies (the image installs no others)', () => {
    const { dependencies } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const allowed = (name: string) => name.startsWith('node:') || builtinModules.includes(name) || name in dependencies;
    const missing = [...packagesRequiredIn(BUILT_ROOT)].filter(([name]) => !allowed(name));
    expect(missing).toEqual([]);
  });
});

/** Each bare package a compiled file requires, with one file that requires it. */
function packagesRequiredIn(dir: string, found = new Map<string, string>()): Map<string, string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) packagesRequiredIn(path, found);
    else if (entry.name.endsWith('.js')) {
      for (const [, request] of readFileSync(path, 'utf8').matchAll(/require\("([^"]+)"\)/g)) {
        if (request.startsWith('.') || request.startsWith('@referral/')) continue;
        const parts = request.split('/');
        const name = request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
        if (!found.has(name)) found.set(name, path);
      }
    }
  }
  return found;
}
