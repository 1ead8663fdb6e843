import { SlaChangePublisher, type SlaChange } from '@referral/case-workflows';
import { REDIS } from '@referral/platform';
import type { Redis } from 'ioredis';
import { startEmbeddedService, type RunningService } from '../support/app';
import { SseClient } from '../support/sse-client';
import { bearer, tokenFor } from '../support/tokens';

describe('GET /sla/stream (Server-Sent Events, real Redis pub/sub)', () => {
  let service: RunningService;
  let base: string;
  const clients: SseClient[] = [];

  beforeAll(async () => {
    service = await startEmbeddedService();
    await service.app.listen(0);
    base = `${await service.app.getUrl()}/api/v1/sla/stream`.replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await service.stop();
  });

  async function connect(org: string, roles: Parameters<typeof tokenFor>[2]): Promise<SseClient> {
    const client = new SseClient(base, bearer(await tokenFor(`u-${org}`, org, roles)));
    clients.push(client);
    expect((await client.open()).status).toBe(200);
    return client;
  }

  const change = (org: string, caseId: string): SlaChange => ({
    caseId, org, slaState: 'breached', change: 'first-contact-missed', dueAt: '2025-06-05T08:00:00.000Z', at: '2025-06-05T08:00:00.000Z',
  });

  it('pushes a change to coordinators of the case\'s org and of the city, and to nobody else', async () => {
    const vasterort = await connect('boj-vasterort', ['coordinator']);
    const south = await connect('boj-sodra-stockholm', ['coordinator']);
    const city = await connect('city', ['coordinator']);
    const publisher = new SlaChangePublisher(service.app.get<Redis>(REDIS), service.redisPrefix);
    // The feed subscribed to Redis before the app started, so nothing published now is missed.
    await publisher.publish(change('boj-vasterort', 'c-1'));
    await vasterort.waitFor((d) => d.caseId === 'c-1');
    await publisher.publish(change('boj-sodra-stockholm', 'c-2'));
    await south.waitFor((d) => d.caseId === 'c-2');
    await city.waitFor((d) => d.caseId === 'c-1');
    await city.waitFor((d) => d.caseId === 'c-2');
    expect(vasterort.received.some((d: any) => d.caseId === 'c-2')).toBe(false);
    expect(south.received.some((d: any) => d.caseId === 'c-1')).toBe(false);
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
