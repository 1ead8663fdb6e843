import request from 'supertest';
import { startEmbeddedService, type RunningService } from '../support/app';
import { handoverBody } from '../support/handovers';
import { bearer, tokenFor } from '../support/tokens';

const contractError = { error: expect.any(String), message: expect.any(String) };

describe('the HTTP edge: headers, CORS, bodies and errors', () => {
  let service: RunningService;
  let police: Record<string, string>;
  let coordinator: Record<string, string>;
  const http = () => request(service.app.getHttpServer());

  beforeAll(async () => {
    service = await startEmbeddedService({ CORS_ORIGINS: 'https://ui.example.se' });
    police = bearer(await tokenFor('police-edge', 'city', ['police-integration']));
    coordinator = bearer(await tokenFor('coord-edge', 'boj-vasterort', ['coordinator']));
  });
  afterAll(() => service.stop());

  it('sends helmet\'s headers, a CSP that loads nothing on the API, and no X-Powered-By', async () => {
    const response = await http().get('/api/v1/health');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'referrer-policy': 'no-referrer' });
    expect(response.headers['strict-transport-security']).toContain('max-age=');
    expect(response.headers['x-powered-by']).toBeUndefined();
    const caseList = await http().get('/api/v1/cases').set(coordinator);
    expect(caseList.status).toBe(200);
    expect(caseList.headers['cache-control']).toBe('no-store');
  });

  it('keeps the OpenAPI UI working: its page and assets load under a CSP that allows them', async () => {
    const page = await http().get('/api/docs/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'.*style-src 'self' 'unsafe-inline'/);
    const scripts = [...page.text.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src).not.toMatch(/^(https?:)?\/\//);
      expect((await http().get(new URL(src, 'http://x/api/docs/').pathname)).status).toBe(200);
    }
    expect((await http().get('/api/docs-json')).status).toBe(200);
  });

  it('keeps the statistics report in HTML under its own policy (inline styles only)', async () => {
    const response = await http().get('/api/v1/statistics/report?from=2025-01-01&to=2025-01-31&format=html').set(coordinator);
    expect(response.status).toBe(200);
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
  });

  it('answers CORS for a listed origin only', async () => {
    const listed = await http().options('/api/v1/cases').set('Origin', 'https://ui.example.se').set('Access-Control-Request-Method', 'GET');
    expect(listed.headers['access-control-allow-origin']).toBe('https://ui.example.se');
    const other = await http().get('/api/v1/health').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses bodies that are not JSON with 415, and any body over 64 KiB with 413, whatever its type', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const small = await http().post('/api/v1/handovers').set(police).set('Content-Type', type).send('a=b');
      expect([small.status, small.body]).toEqual([415, { error: 'unsupported-media-type', message: expect.any(String) }]);
      const huge = await http().post('/api/v1/handovers').set(police).set('Content-Type', type).send('a='.padEnd(70_000, 'x'));
      expect([huge.status, huge.body]).toEqual([413, { error: 'payload-too-large', message: expect.any(String) }]);
    }
    const json = await http().post('/api/v1/handovers').set(police).send(handoverBody({ note: 'x'.repeat(70_000) }));
    expect(json.status).toBe(413);
  });

  it.each([
    ['an unknown route', () => http().get('/api/v1/nothing-here').set(coordinator), 404],
    ['a wrong method', () => http().delete('/api/v1/handovers').set(police), 404],
    ['malformed JSON', () => http().post('/api/v1/handovers').set(police).set('Content-Type', 'application/json').send('{"handoverId":'), 400],
    ['a bad case id', () => http().get('/api/v1/cases/not-a-uuid').set(coordinator), 404],
    ['a path that is not valid percent-encoding', () => http().get('/api/v1/cases/%E0%A4%A').set(coordinator), 400],
    ['a repeated, non-numeric limit', () => http().get('/api/v1/cases?limit=abc&limit=2').set(coordinator), 400],
    ['an array query parameter', () => http().get('/api/v1/cases?status[]=open').set(coordinator), 400],
    ['__proto__ in a body', () => http().post('/api/v1/handovers').set(police).set('Content-Type', 'application/json').send('{"__proto__":{"admin":true}}'), 400],
    ['constructor.prototype in a body', () => http().post('/api/v1/cases').set(coordinator).set('Content-Type', 'application/json').send('{"person":{"constructor":{"prototype":{"x":1}}}}'), 400],
    ['toString as a query key', () => http().get('/api/v1/cases?toString=1').set(coordinator), 400],
  ])('answers %s with the contract\'s error body and nothing internal', async (_name, send, status) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject(contractError);
    expect(Object.keys(response.body).every((key) => ['error', 'message', 'details'].includes(key))).toBe(true);
    expect(response.text).not.toMatch(/node_modules|\.[jt]s:\d+|Unexpected token|Failed to decode|Cannot (GET|DELETE)/);
  });
});
