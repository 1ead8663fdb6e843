import { SlaChangeLog, SlaChangePublisher, type SlaChange } from '@referral/case-workflows';
import { READ_MODEL_DB, REDIS } from '@referral/platform';
import type { SqlClient } from '@referral/sql';
import type { Redis } from 'ioredis';
import { startEmbeddedService, type RunningService } from '../support/app';
import { SseClient } from '../support/sse-client';
import { bearer, tokenFor } from '../support/tokens';

describe('GET /sla/stream (Server-Sent Events, real Redis pub/sub)', () => {
  let service: RunningService;
  let base: string;
  const clients: SseClient[] = [];

  async function start(env: Record<string, string> = {}, options: Parameters<typeof startEmbeddedService>[1] = {}): Promise<void> {
    service = await startEmbeddedService(env, options);
    await service.app.listen(0);
    base = `${await service.app.getUrl()}/api/v1/sla/stream`.replace('[::1]', '127.0.0.1');
  }
  // Kept on stop: the restart test starts the service again on the same data directory (and removes it then).
  beforeAll(() => start({}, { keepData: true }));
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await service.stop();
  });

  async function connect(org: string, roles: Parameters<typeof tokenFor>[2], lastEventId?: string): Promise<SseClient> {
    const headers = { ...bearer(await tokenFor(`u-${org}`, org, roles)), ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) };
    const client = new SseClient(base, headers);
    clients.push(client);
    expect((await client.open()).status).toBe(200);
    return client;
  }

  const publisherOf = (running: RunningService) =>
    new SlaChangePublisher(running.app.get<Redis>(REDIS), running.redisPrefix, new SlaChangeLog(running.app.get<SqlClient>(READ_MODEL_DB)), {
      now: () => new Date(),
    });
  let announced = 0;
  const announce = (publisher: SlaChangePublisher, org: string, caseId: string) => publisher.publish(change(org, caseId), `test:${++announced}`);

  const change = (org: string, caseId: string): SlaChange => ({
    caseId, org, slaState: 'breached', change: 'first-contact-missed', dueAt: '2025-06-05T08:00:00.000Z', at: '2025-06-05T08:00:00.000Z',
  });

  it('pushes a change to coordinators of the case\'s org and of the city, and to nobody else', async () => {
    const vasterort = await connect('boj-vasterort', ['coordinator']);
    const south = await connect('boj-sodra-stockholm', ['coordinator']);
    const city = await connect('city', ['coordinator']);
    const publisher = publisherOf(service);
    // The feed subscribed to Redis before the app started, so nothing published now is missed.
    await announce(publisher, 'boj-vasterort', 'c-1');
    await vasterort.waitFor((d) => d.caseId === 'c-1');
    await announce(publisher, 'boj-sodra-stockholm', 'c-2');
    await south.waitFor((d) => d.caseId === 'c-2');
    await city.waitFor((d) => d.caseId === 'c-1');
    await city.waitFor((d) => d.caseId === 'c-2');
    expect(vasterort.received.some((d: any) => d.caseId === 'c-2')).toBe(false);
    expect(south.received.some((d: any) => d.caseId === 'c-1')).toBe(false);
  });

  it('gives every change an id; a client that reconnects with Last-Event-ID gets what it missed of its org, then the live ones', async () => {
    const publisher = publisherOf(service);
    const first = await connect('boj-vasterort', ['coordinator']);
    await announce(publisher, 'boj-vasterort', 'r-1');
    await first.waitFor((d) => d.caseId === 'r-1');
    const seenId = first.ids[first.received.findIndex((d: any) => d.caseId === 'r-1')];
    expect(seenId).toMatch(/^\d+$/);
    first.close();

    // Missed while disconnected: two of its org's changes, one of another org's.
    await announce(publisher, 'boj-vasterort', 'r-2');
    await announce(publisher, 'boj-sodra-stockholm', 'r-other');
    await announce(publisher, 'boj-vasterort', 'r-3');
    const again = await connect('boj-vasterort', ['coordinator'], seenId);
    await again.waitFor((d) => d.caseId === 'r-3');
    await announce(publisher, 'boj-vasterort', 'r-4');
    await again.waitFor((d) => d.caseId === 'r-4');
    expect(again.received.map((d: any) => d.caseId)).toEqual(['r-2', 'r-3', 'r-4']);
    const ids = again.ids.map(Number);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);

    // A retried announcement keeps its id, so a replay never shows it twice.
    expect(await publisher.publish(change('boj-vasterort', 'r-4'), `test:${announced}`)).toBe(again.ids[2]);
  });

  it('replays after a restart of the service: the changes are kept in the store of the read models', async () => {
    const publisher = publisherOf(service);
    const before = await connect('city', ['coordinator']);
    await announce(publisher, 'boj-vasterort', 'k-1');
    await before.waitFor((d) => d.caseId === 'k-1');
    const seenId = before.ids[before.received.findIndex((d: any) => d.caseId === 'k-1')]!;
    await announce(publisher, 'stodcentrum', 'k-2');
    before.close();
    const { dataDir, redisPrefix } = service;
    await service.stop();

    await start({ REDIS_PREFIX: redisPrefix }, { dataDir, keepData: false });
    const after = await connect('city', ['coordinator'], seenId);
    await after.waitFor((d) => d.caseId === 'k-2');
    expect(after.received.map((d: any) => d.caseId)).toEqual(['k-2']);
  });

  it('refuses a volunteer and an analyst, and a caller without a token', async () => {
    expect((await new SseClient(base, {}).open()).status).toBe(401);
    for (const [org, role] of [['city', 'analyst'], ['boj-vasterort', 'volunteer']] as const) {
      const client = new SseClient(base, bearer(await tokenFor('x', org, [role])));
      clients.push(client);
      expect((await client.open()).status).toBe(403);
    }
  });
});
