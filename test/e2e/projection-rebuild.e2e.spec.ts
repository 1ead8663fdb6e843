import request from 'supertest';
import { startEmbeddedService, type RunningService } from '../support/app';
import { eventually } from '../support/eventually';
import { handoverBody } from '../support/handovers';
import { SettableClock } from '../support/settable-clock';
import { bearer, tokenFor } from '../support/tokens';

describe('rebuilding a read model inside the running service', () => {
  let service: RunningService;
  const clock = new SettableClock(new Date('2025-06-10T08:00:00Z'));
  beforeAll(async () => {
    service = await startEmbeddedService({}, { clock });
  });
  afterAll(() => service.stop());

  it('rebuilds case_views from position zero while it keeps answering, and answers the same after', async () => {
    const http = () => request(service.app.getHttpServer());
    const police = bearer(await tokenFor('p', 'city', ['police-integration']));
    const coordinator = bearer(await tokenFor('c', 'boj-vasterort', ['coordinator']));
    const admin = bearer(await tokenFor('ops', 'city', ['admin']));
    for (let i = 0; i < 20; i++) expect((await http().post('/api/v1/handovers').set(police).send(handoverBody())).status).toBe(201);
    // Let the deadline timers record their breaches first, so nothing changes but the rebuild.
    await eventually(async () => {
      const breached = await http().get('/api/v1/cases?limit=500&slaState=breached').set(coordinator);
      return breached.body.items.length === 20 || undefined;
    });
    const before = (await http().get('/api/v1/cases?limit=500').set(coordinator)).body;

    expect((await http().post('/api/v1/admin/projections/case_views/rebuild').set(coordinator)).status).toBe(403);
    const started = await http().post('/api/v1/admin/projections/case_views/rebuild').set(admin);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ name: 'case_views', state: 'running' });
    const during = await http().get('/api/v1/cases?limit=500').set(coordinator);
    expect(during.status).toBe(200);

    const done = await eventually(async () => {
      const state = (await http().get('/api/v1/admin/projections/case_views').set(admin)).body;
      return state.state === 'finished' ? state : undefined;
    });
    expect(done.progress).toMatchObject({ finished: true, fraction: 1 });
    expect(done.progress.eventsDone).toBeGreaterThanOrEqual(20);
    const after = (await http().get('/api/v1/cases?limit=500').set(coordinator)).body;
    expect(after).toEqual(before);
    expect((await http().post('/api/v1/admin/projections/nope/rebuild').set(admin)).status).toBe(404);
  });
});
