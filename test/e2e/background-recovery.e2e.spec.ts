import request from 'supertest';
import type { EventStore } from '@referral/event-store';
import type { PersonalDataVault } from '@referral/personal-data';
import { CLOCK, EVENT_STORE, PERSONAL_DATA_VAULT, READ_MODEL_DB, Metrics, createLogger, type Clock } from '@referral/platform';
import type { SqlClient } from '@referral/sql';
import { RetentionHost } from '../../apps/worker/src/retention/retention-host';
import { startEmbeddedService, type RunningService } from '../support/app';
import { capturedLog } from '../support/captured-log';
import { eventually } from '../support/eventually';
import { handoverBody } from '../support/handovers';
import { SettableClock } from '../support/settable-clock';
import { SwitchableProxy } from '../support/switchable-proxy';
import { bearer, tokenFor } from '../support/tokens';

const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

interface RecoveryLogLine {
  level: number;
  component?: string;
  msg: string;
  attempt?: number;
  retryInMs?: number;
  error?: { name: string; code?: string; message: string };
}

describe('deadlines when Redis is unreachable at start-up (embedded service, Redis behind a proxy)', () => {
  let proxy: SwitchableProxy;
  let service: RunningService;
  const log = capturedLog<RecoveryLogLine>();
  const clock = new SettableClock(new Date('2025-06-10T08:00:00Z'));

  beforeAll(async () => {
    proxy = await SwitchableProxy.start({ host: redis.hostname, port: Number(redis.port || 6379) });
    service = await startEmbeddedService(
      { REDIS_URL: `redis://127.0.0.1:${proxy.port}`, LOG_LEVEL: 'info', HEALTH_STUCK_AFTER_SECONDS: '60' },
      { clock, logDestination: log.destination },
    );
  }, 120_000);
  afterAll(async () => {
    proxy.on();
    await service.stop();
    await proxy.close();
  }, 120_000);

  it('retries, says so in the log with attempt and delay, and arms and fires deadlines once Redis answers', async () => {
    const police = bearer(await tokenFor('police-1', 'city', ['police-integration']));
    const received = await request(service.app.getHttpServer()).post('/api/v1/handovers').set(police)
      .send(handoverBody({ handedOverAt: '2025-06-02T10:00:00+02:00' }));
    expect(received.status).toBe(201);
    const failure = await eventually(async () => log.lines.find((line) => line.component === 'deadlines' && line.level >= 50), 60_000);
    expect(failure).toMatchObject({ attempt: 1, retryInMs: expect.any(Number), error: { name: expect.any(String), message: expect.any(String) } });

    const deadlinesHealth = async () => {
      const response = await request(service.app.getHttpServer()).get('/api/v1/health');
      return { status: response.status, deadlines: response.body.components.find((c: { kind: string }) => c.kind === 'deadlines') };
    };
    expect((await deadlinesHealth()).deadlines).toMatchObject({ state: 'retrying', attempt: expect.any(Number), stuck: false });
    clock.advance(61_000); // failing for longer than HEALTH_STUCK_AFTER_SECONDS
    expect(await deadlinesHealth()).toMatchObject({ status: 503, deadlines: { state: 'retrying', stuck: true, lastError: { name: expect.any(String) } } });

    proxy.on();
    // The deadline worker runs again first; the reactions held up by Redis (arming timers) catch up
    // just after, and until then they count as behind without progress, so wait for both.
    const recovered = await eventually(async () => {
      const health = await deadlinesHealth();
      return health.deadlines.state === 'running' && health.status === 200 ? health : undefined;
    }, 60_000);
    expect(recovered).toMatchObject({ status: 200, deadlines: { state: 'running', attempt: 0, stuck: false } });
    const store = service.app.get<EventStore>(EVENT_STORE);
    const missed = await eventually(async () => {
      const events = await store.readStream(`case-${received.body.caseId}`);
      return events.find((event) => event.type === 'FirstContactDeadlineMissed');
    }, 60_000);
    expect(missed.data).toMatchObject({ dueAt: '2025-06-05T08:00:00.000Z' });
  }, 150_000);
});

describe('the retention sweep when its first wait fails (embedded service)', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startEmbeddedService();
  }, 120_000);
  afterAll(() => service.stop());

  it('retries the wait with backoff, says so, and then sweeps', async () => {
    const log = capturedLog<RecoveryLogLine>();
    let waits = 0;
    const caseViews = {
      caughtUp: async () => {
        waits += 1;
        if (waits === 1) throw Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
      },
    };
    const app = service.app;
    const host = new RetentionHost(
      app.get<EventStore>(EVENT_STORE), app.get<SqlClient>(READ_MODEL_DB), app.get<PersonalDataVault>(PERSONAL_DATA_VAULT),
      app.get<Clock>(CLOCK), createLogger('info', log.destination), caseViews, app.get(Metrics),
    );
    host.onApplicationBootstrap();
    try {
      await expect(host.firstSweep).resolves.toEqual({ erased: 0, failed: 0 });
      expect(waits).toBe(2);
      expect(log.lines.find((line) => line.component === 'retention' && line.level >= 50)).toMatchObject({
        attempt: 1, retryInMs: expect.any(Number), error: { name: 'Error', code: 'ECONNRESET', message: 'Connection terminated unexpectedly' },
      });
      expect(host.status).toMatchObject({ attempt: 0, lastSweep: { outcome: 'done', erased: 0, failed: 0 } });
    } finally {
      await host.onApplicationShutdown();
    }
  });
});
