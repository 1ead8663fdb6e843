import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { startEmbeddedService, type RunningService } from '../support/app';
import { freshEmbeddedDataDir } from '../support/embedded-data-dir';
import { ServiceProcess } from '../support/service-process';

const REPO = join(__dirname, '..', '..');

describe('the web app served by the service', () => {
  describe('given the demo (npm run demo)', () => {
    let service: RunningService;
    beforeAll(async () => {
      service = await startEmbeddedService({}, { http: { demo: true } });
    });
    afterAll(() => service.stop());
    const http = () => request(service.app.getHttpServer());

    it('answers / and every page address with the app, under a policy that allows no inline script', async () => {
      for (const path of ['/', '/my-cases', '/cases/c-1', '/survey/abc']) {
        const page = await http().get(path).expect(200).expect('content-type', /text\/html/);
        expect(page.text).toContain('<div id="root"></div>');
        const csp = page.headers['content-security-policy'] as string;
        expect(csp).toMatch(/script-src 'self'(;|$)/);
        expect(csp).not.toContain('unsafe-inline');
        expect(csp).toContain("frame-ancestors 'none'");
        expect(page.headers['cache-control']).toBe('no-store');
      }
    });

    it('lets browsers keep the hashed bundles, and keeps no-store on the API', async () => {
      const index = await http().get('/').expect(200);
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)?.[1];
      expect(script).toBeDefined();
      const bundle = await http().get(script!).expect(200).expect('content-type', /javascript/);
      expect(bundle.headers['cache-control']).toContain('immutable');
      await http().get('/assets/missing-1234.js').expect(404);
      const health = await http().get('/api/v1/health');
      expect(health.headers['cache-control']).toBe('no-store');
      const unknown = await http().get('/api/v1/no-such-route').expect(404);
      expect(unknown.body.error).toBeDefined();
    });

    it('loads under 300 KB of JavaScript, gzipped, before the first page shows (lazy chunks apart)', async () => {
      const index = await http().get('/').expect(200);
      const entries = [...index.text.matchAll(/<script[^>]+src="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
      expect(entries.length).toBeGreaterThan(0);
      // The entry and what it imports statically (`import … from "./x.js"`); `import("./x.js")` is lazy.
      const seen = new Set<string>();
      let gzipped = 0;
      for (let next = entries.pop(); next; next = entries.pop()) {
        if (seen.has(next)) continue;
        seen.add(next);
        const code = (await http().get(next).buffer(true).parse((res, done) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => done(null, text));
        })).body as string;
        gzipped += gzipSync(code, { level: 9 }).length;
        for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^"'()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) entries.push(`/assets/${m[1]}`);
      }
      expect(gzipped).toBeLessThan(300 * 1024);
    });

    it('says it is the demo, and hands out a token for the chosen org and role that the API accepts', async () => {
      const config = await http().get('/app/config.json').expect(200);
      expect(config.body).toEqual({ demo: true, oidc: null });
      const { body } = await http().post('/app/demo-token').send({ org: 'boj-vasterort', role: 'coordinator' }).expect(201);
      await http().get('/api/v1/cases?limit=1').set('authorization', `Bearer ${body.token}`).expect(200);
      const named = await http().post('/app/demo-token').send({ org: 'boj-vasterort', role: 'volunteer', sub: 'vol-1', name: 'Åsa Öberg-Lind' }).expect(201);
      const claims = JSON.parse(Buffer.from(named.body.token.split('.')[1], 'base64url').toString('utf8'));
      expect(claims).toMatchObject({ sub: 'vol-1', name: 'Åsa Öberg-Lind', org: 'boj-vasterort', roles: ['volunteer'] });
    });

    it('refuses a demo sign-in it cannot make, naming the field', async () => {
      const refused = await http().post('/app/demo-token').send({ org: 'nowhere', role: 'police-integration' }).expect(400);
      expect(refused.body.details.map((d: { path: string }) => d.path)).toEqual(['org', 'role']);
      const badName = await http().post('/app/demo-token').send({ org: 'city', role: 'analyst', name: '<script>' }).expect(400);
      expect(badName.body.details).toEqual([{ path: 'name', message: expect.stringContaining('letters') }]);
    });
  });

  describe('given npm start (no demo)', () => {
    let child: ServiceProcess;
    let dataDir: string;
    beforeAll(async () => {
      dataDir = await freshEmbeddedDataDir();
      child = await ServiceProcess.start({
        dataDir,
        redisPrefix: `web-${process.pid}`,
        nodeArgs: ['-r', '@swc-node/register', join(REPO, 'apps', 'main.ts')],
        env: { LOG_LEVEL: 'info' },
      });
    });
    afterAll(async () => {
      await child.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('serves the app with the demo sign-in absent', async () => {
      const base = `http://127.0.0.1:${child.port}`;
      expect((await fetch(`${base}/`)).status).toBe(200);
      expect(await (await fetch(`${base}/app/config.json`)).json()).toEqual({ demo: false, oidc: null });
      const demo = await fetch(`${base}/app/demo-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"org":"city","role":"analyst"}' });
      expect(demo.status).toBe(404);
    });
  });
});
