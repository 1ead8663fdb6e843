import request from 'supertest';
import { rmSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@referral/config';
import { PlatformModule, createLogger, rootModule } from '@referral/platform';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { WorkerHealthModule, WorkerHealthServer } from '../../apps/worker/src/health/worker-health-server';
import { TEST_JWT_SECRET, startEmbeddedService, type RunningService } from '../support/app';
import { freshEmbeddedDataDir } from '../support/embedded-data-dir';
import { eventually } from '../support/eventually';

describe('operations endpoints (embedded service, real Redis)', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startEmbeddedService();
  });
  afterAll(() => service.stop());

  it('answers health 200 when the event store, the read models and Redis answer', async () => {
    const response = await request(service.app.getHttpServer()).get('/api/v1/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', checks: { eventStore: 'up', readModels: 'up', redis: 'up' } });
  });

  it('reports each background component: projections and reactions with their lags, the deadline worker, the retention sweep', async () => {
    const body = await eventually(async () => {
      const response = await request(service.app.getHttpServer()).get('/api/v1/health');
      const deadlines = response.body.components?.find((c: { kind: string }) => c.kind === 'deadlines');
      return deadlines?.state === 'running' ? response.body : undefined;
    }, 30_000);
    const named = (kind: string) => body.components.filter((c: { kind: string }) => c.kind === kind).map((c: { name: string }) => c.name);
    expect(named('projection')).toContain('case_views');
    expect(named('reaction').sort()).toEqual(['case-follow-ups', 'deadline-timers', 'sla-changes']);
    expect(body.components.find((c: { name: string }) => c.name === 'case_views')).toMatchObject({
      state: expect.any(String), lagEvents: expect.any(Number), lagEventsAtLeast: false, lagSeconds: expect.any(Number), stuck: false,
    });
    expect(body.components.find((c: { kind: string }) => c.kind === 'deadlines')).toMatchObject({ state: 'running', attempt: 0, lastError: null, stuck: false });
    expect(body.components.find((c: { kind: string }) => c.kind === 'retention')).toMatchObject({ name: 'retention-sweep', stuck: false });
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

describe('health of the two processes of the scaled shape (embedded store, real Redis)', () => {
  const dataDirs: string[] = [];
  const configFor = async (env: Record<string, string> = {}) => {
    const dataDir = await freshEmbeddedDataDir();
    dataDirs.push(dataDir);
    return loadConfig({ DATA_DIR: dataDir, AUTH_JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent', REDIS_PREFIX: `health-${process.pid}`, ...env });
  };
  afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('an API-only process reports just the backends', async () => {
    const config = await configFor();
    const app = await createApiApp({ config, logger: createLogger('silent') });
    await app.init();
    try {
      const response = await request(app.getHttpServer()).get('/api/v1/health');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok', checks: { eventStore: 'up', readModels: 'up', redis: 'up' } });
    } finally {
      await app.close();
    }
  });

  it('the worker process answers the same health, and its metrics, on WORKER_HEALTH_PORT', async () => {
    const config = await configFor({ WORKER_HEALTH_PORT: '0' });
    const root = rootModule('ReferralWorker', [PlatformModule.forRoot({ config, logger: createLogger('silent') }), WorkerModule, WorkerHealthModule]);
    const app = await NestFactory.createApplicationContext(root, { logger: false });
    await app.init();
    try {
      const port = app.get(WorkerHealthServer).port;
      const body = await eventually(async () => {
        const response = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
        const report = (await response.json()) as { status: string; components: Array<{ kind: string; state: string }> };
        return response.status === 200 && report.components.find((c) => c.kind === 'deadlines')?.state === 'running' ? report : undefined;
      }, 30_000);
      expect(body).toMatchObject({ status: 'ok', checks: { eventStore: 'up', readModels: 'up', redis: 'up' } });
      expect(body.components.map((c) => c.kind)).toEqual(expect.arrayContaining(['projection', 'reaction', 'deadlines', 'retention']));
      const metrics = await fetch(`http://127.0.0.1:${port}/api/v1/metrics`);
      expect(metrics.status).toBe(200);
      const text = await metrics.text();
      expect(text).toContain('referral_component_stuck{kind="deadlines",component="deadline-worker"} 0');
      expect(text).toMatch(/referral_component_lag_events\{kind="projection",component="case_views"\} \d+/);
      expect(text).toMatch(/referral_deadline_queue_jobs\{state="delayed"\} \d+/);
      expect((await fetch(`http://127.0.0.1:${port}/elsewhere`)).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
