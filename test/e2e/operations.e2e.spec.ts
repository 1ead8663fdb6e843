import request from 'supertest';
import { startEmbeddedService, type RunningService } from '../support/app';

describe('operations endpoints (embedded service, real Redis)', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startEmbeddedService();
  });
  afterAll(() => service.stop());

  it('answers health 200 when the event store, the read models and Redis answer', async () => {
    const response = await request(service.app.getHttpServer()).get('/api/v1/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', checks: { eventStore: 'up', readModels: 'up', redis: 'up' } });
  });

  it('serves Prometheus metrics', async () => {
    const response = await request(service.app.getHttpServer()).get('/api/v1/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.text).toContain('referral_http_requests_total');
  });

  it('answers an unknown route with the contract error body', async () => {
    const response = await request(service.app.getHttpServer()).get('/api/v1/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: 'not-found', message: expect.any(String) });
  });

  it('refuses a body over 64 KiB with 413 and malformed JSON with 400', async () => {
    const server = service.app.getHttpServer();
    const big = await request(server)
      .post('/api/v1/handovers')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ note: 'x'.repeat(70 * 1024) }));
    expect(big.status).toBe(413);
    expect(big.body.error).toBe('payload-too-large');
    const broken = await request(server).post('/api/v1/handovers').set('content-type', 'application/json').send('{"a":');
    expect(broken.status).toBe(400);
    expect(broken.body.error).toBe('invalid-json');
  });
});

describe('health when Redis does not answer', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startEmbeddedService({ REDIS_URL: 'redis://127.0.0.1:1' });
  }, 120_000);
  afterAll(() => service.stop());

  it('answers 503 and names the component that is down', async () => {
    const response = await request(service.app.getHttpServer()).get('/api/v1/health');
    expect(response.status).toBe(503);
    expect(response.body.checks).toEqual({ eventStore: 'up', readModels: 'up', redis: 'down' });
  });
});
