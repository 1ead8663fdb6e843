import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { startEmbeddedService, type RunningService } from '../support/app';
import { handoverBody } from '../support/handovers';
import { SettableClock } from '../support/settable-clock';
import { bearer, tokenFor } from '../support/tokens';

interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: { error?: unknown; message?: unknown };
}

describe('rate limits (embedded service, counted in real Redis, clock set by hand)', () => {
  let service: RunningService;
  let port: number;
  // 5 s into a minute: a refused client is told to come back in 55 s.
  const clock = new SettableClock(new Date('2025-06-10T08:00:05Z'));

  beforeAll(async () => {
    service = await startEmbeddedService(
      { RATE_LIMIT_INTAKE_PER_MINUTE: '3', RATE_LIMIT_FAILED_AUTH_PER_MINUTE: '2' },
      { clock },
    );
    await service.app.listen(0, '127.0.0.1');
    port = (service.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => service.stop());

  /** One request from a loopback address of our choosing, so each test is a client IP of its own. */
  function send(from: string, method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<Answer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: '127.0.0.1', port, localAddress: from, method, path: `/api/v1${path}`,
          headers: { ...headers, ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}) },
        },
        (incoming) => {
          let text = '';
          incoming.setEncoding('utf8');
          incoming.on('data', (chunk: string) => (text += chunk));
          incoming.on('end', () =>
            resolve({ status: incoming.statusCode ?? 0, retryAfter: incoming.headers['retry-after'] as string | undefined, body: JSON.parse(text || '{}') }),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }

  const expectRefused = (answer: Answer) => {
    expect(answer.status).toBe(429);
    expect(answer.retryAfter).toBe('55');
    expect(answer.body).toEqual({ error: 'too-many-requests', message: expect.any(String) });
  };

  it('lets a police client send N handovers a minute, refuses the next with 429 and Retry-After, leaves another client alone, and lets it in again the next minute', async () => {
    const first = bearer(await tokenFor('police-rate-1', 'city', ['police-integration']));
    const second = bearer(await tokenFor('police-rate-2', 'city', ['police-integration']));
    const post = (headers: Record<string, string>) => send('127.0.0.10', 'POST', '/handovers', headers, handoverBody());

    for (let i = 0; i < 3; i += 1) expect((await post(first)).status).toBe(201);
    expectRefused(await post(first));
    expect((await post(second)).status).toBe(201);

    clock.advance(60_000);
    expect((await post(first)).status).toBe(201);
    clock.set('2025-06-10T08:00:05Z');
  });

  it('refuses an IP after N failed sign-ins (401) within a minute, any token, until the minute is over; other IPs and health are unaffected', async () => {
    const valid = bearer(await tokenFor('coord-rate', 'boj-vasterort', ['coordinator']));
    const forged = bearer(await tokenFor('coord-rate', 'boj-vasterort', ['coordinator'], 'a-secret-that-is-not-the-service-one-000'));
    const attacker = '127.0.0.20';

    expect((await send(attacker, 'GET', '/cases', forged)).status).toBe(401);
    expect((await send(attacker, 'GET', '/cases', { Authorization: 'Bearer not-a-jwt' })).status).toBe(401);
    expectRefused(await send(attacker, 'GET', '/cases', forged));
    expectRefused(await send(attacker, 'GET', '/cases', valid));
    expect((await send(attacker, 'GET', '/health')).status).toBe(200);

    expect((await send('127.0.0.21', 'GET', '/cases', valid)).status).toBe(200);
    expect((await send('127.0.0.21', 'GET', '/cases', forged)).status).toBe(401);

    clock.advance(60_000);
    expect((await send(attacker, 'GET', '/cases', valid)).status).toBe(200);
    expect((await send(attacker, 'GET', '/cases', forged)).status).toBe(401);
    clock.set('2025-06-10T08:00:05Z');
  });

  it('does not count successful requests as failed sign-ins', async () => {
    const valid = bearer(await tokenFor('coord-rate-ok', 'boj-vasterort', ['coordinator']));
    for (let i = 0; i < 5; i += 1) expect((await send('127.0.0.30', 'GET', '/cases', valid)).status).toBe(200);
    expect((await request(service.app.getHttpServer()).get('/api/v1/cases').set(valid)).status).toBe(200);
  });
});
