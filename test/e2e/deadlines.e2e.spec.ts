import request from 'supertest';
import { addLocalCalendarDays } from '@referral/case';
import type { EventStore, RecordedEvent } from '@referral/event-store';
import { EVENT_STORE, REDIS, systemClock } from '@referral/platform';
import type { Redis } from 'ioredis';
import { CaseQueries } from '@referral/read-models';
import { DeadlinesHost } from '../../apps/worker/src/deadlines/deadlines-host';
import { startEmbeddedService, type RunningService } from '../support/app';
import { handoverBody } from '../support/handovers';
import { SettableClock } from '../support/settable-clock';
import { SseClient } from '../support/sse-client';
import { bearer, tokenFor } from '../support/tokens';
import { eventually } from '../support/eventually';

async function caseEvents(service: RunningService, caseId: string): Promise<RecordedEvent[]> {
  return service.app.get<EventStore>(EVENT_STORE).readStream(`case-${caseId}`);
}

const missedCount = (events: RecordedEvent[], type = 'FirstContactDeadlineMissed') => events.filter((e) => e.type === type).length;

describe('contact deadlines through the running service (embedded, real Redis)', () => {
  let police: Record<string, string>;
  let coordinator: Record<string, string>;
  beforeAll(async () => {
    police = bearer(await tokenFor('police-1', 'city', ['police-integration']));
    coordinator = bearer(await tokenFor('coord-v', 'boj-vasterort', ['coordinator']));
  });

  async function handover(service: RunningService, overrides: Record<string, unknown> = {}): Promise<string> {
    const response = await request(service.app.getHttpServer()).post('/api/v1/handovers').set(police).send(handoverBody(overrides));
    expect(response.status).toBe(201);
    return response.body.caseId;
  }

  describe('a missed first contact, then a call typed in late', () => {
    let service: RunningService;
    const clock = new SettableClock(new Date('2025-06-10T08:00:00Z'));
    beforeAll(async () => {
      service = await startEmbeddedService({}, { clock });
      await service.app.listen(0);
    });
    afterAll(() => service.stop());

    it('records the breach at its true due time, shows it, streams it, and retracts it visibly', async () => {
      const streamUrl = `${(await service.app.getUrl()).replace('[::1]', '127.0.0.1')}/api/v1/sla/stream`;
      const sse = new SseClient(streamUrl, coordinator);
      expect((await sse.open()).status).toBe(200);
      // A second subscriber (the city's) gets the breach too; it is timed once all the same.
      const citySse = new SseClient(streamUrl, bearer(await tokenFor('coord-city', 'city', ['coordinator'])));
      expect((await citySse.open()).status).toBe(200);
      try {
        const caseId = await handover(service, { handedOverAt: '2025-06-02T10:00:00+02:00' });
        const http = () => request(service.app.getHttpServer());
        const breach = await eventually(async () => {
          const list = await http().get('/api/v1/sla/breaches?from=2025-06-01&to=2025-06-30').set(coordinator);
          return list.body.items.find((b: { caseId: string }) => b.caseId === caseId);
        });
        expect(breach).toEqual({ caseId, org: 'boj-vasterort', rule: 'first-contact', dueAt: '2025-06-05T08:00:00.000Z', breachedAt: '2025-06-05T08:00:00.000Z' });
        // Counted by org code and rule, for the breach alert; the case id is no label.
        await eventually(async () => (await http().get('/api/v1/metrics')).text.includes('referral_deadline_breaches_total{org="boj-vasterort",rule="first-contact"} 1'), { what: 'the breach counted' });
        expect((await http().get('/api/v1/metrics')).text).toContain('referral_deadline_lateness_seconds_count{rule="first-contact"} 1');
        expect((await sse.waitFor((d) => d.caseId === caseId && d.change === 'first-contact-missed')).slaState).toBe('breached');
        await citySse.waitFor((d) => d.caseId === caseId && d.change === 'first-contact-missed');
        // Announced on the stream at the clock's now (2025-06-10T08:00Z), 5 days after it fell due.
        const announced = (await http().get('/api/v1/metrics')).text;
        expect(announced).toContain('referral_deadline_announce_lateness_seconds_count{rule="first-contact"} 1');
        expect(announced).toContain('referral_deadline_announce_lateness_seconds_sum{rule="first-contact"} 432000');
        expect((await http().get(`/api/v1/cases/${caseId}`).set(coordinator)).body.slaState).toBe('breached');
        expect((await http().get('/api/v1/cases?slaState=breached').set(coordinator)).body.items.map((c: { caseId: string }) => c.caseId)).toContain(caseId);

        const call = await http().post(`/api/v1/cases/${caseId}/contacts`).set(coordinator)
          .send({ channel: 'phone', outcome: 'reached', at: '2025-06-04T19:00:00+02:00' });
        expect(call.status).toBe(201);
        expect(call.body.slaState).toBe('ok');
        expect(call.body.history.map((h: { type: string }) => h.type)).toContain('DeadlineBreachRetracted');
        const after = await http().get('/api/v1/sla/breaches').set(coordinator);
        expect(after.body.items.map((b: { caseId: string }) => b.caseId)).not.toContain(caseId);
        await sse.waitFor((d) => d.caseId === caseId && d.change === 'breach-retracted');
        expect(missedCount(await caseEvents(service, caseId))).toBe(1);
      } finally {
        sse.close();
        citySse.close();
      }
    });

    it('lists open cases whose first contact falls due within the window', async () => {
      const caseId = await handover(service, { handedOverAt: '2025-06-07T18:00:00+02:00' });
      const atRisk = await request(service.app.getHttpServer()).get('/api/v1/sla/at-risk?withinHours=24').set(coordinator);
      expect(atRisk.status).toBe(200);
      expect(atRisk.body.items).toContainEqual(expect.objectContaining({ caseId, firstContactDueAt: '2025-06-10T16:00:00.000Z' }));
      const narrow = await request(service.app.getHttpServer()).get('/api/v1/sla/at-risk?withinHours=4').set(coordinator);
      expect(narrow.body.items.map((c: { caseId: string }) => c.caseId)).not.toContain(caseId);
    });
  });

  describe('Redis losing everything', () => {
    let service: RunningService;
    beforeAll(async () => {
      service = await startEmbeddedService({}, { clock: systemClock });
    });
    afterAll(() => service.stop());

    it('loses no breach and doubles none when Redis is wiped before the deadlines fall due', async () => {
      const dueIn = 4000;
      // 3 calendar days before, same Stockholm wall time (72 h is an hour off across a DST change).
      const handedOverAt = new Date(addLocalCalendarDays(Date.now() + dueIn, -3)).toISOString();
      const caseIds = await Promise.all(Array.from({ length: 5 }, () => handover(service, { handedOverAt })));
      const redis = service.app.get<Redis>(REDIS);
      const host = service.app.get(DeadlinesHost);
      // Wait until every case's timer is armed and the SLA read model (reconciliation's source)
      // holds every case, then wipe every key of this deployment (FLUSHALL for it).
      const queries = service.app.get(CaseQueries);
      await eventually(async () => {
        const armed = (await redis.keys(`${service.redisPrefix}:*first-contact.*`)).join(' ');
        const open = new Set((await queries.openDeadlines()).map((d) => d.caseId));
        return caseIds.every((id) => armed.includes(id) && open.has(id)) || undefined;
      });
      const keys = await redis.keys(`${service.redisPrefix}:*`);
      await redis.del(...keys);
      expect(keys.some((k) => k.includes('first-contact.'))).toBe(true);
      await host.reconcileNow();
      await eventually(async () => {
        const counts = await Promise.all(caseIds.map(async (id) => missedCount(await caseEvents(service, id))));
        return counts.every((c) => c === 1) || undefined;
      }, 15_000);
      // Once recorded (and the read model has seen it), nothing is due any more: reconciling again
      // fires nothing, so nothing can double.
      await eventually(async () => {
        const open = await queries.openDeadlines();
        return open.some((d) => caseIds.includes(d.caseId) && d.kind === 'first-contact') ? undefined : true;
      });
      expect((await host.reconcileNow()).fired).toBe(0);
      for (const id of caseIds) expect(missedCount(await caseEvents(service, id))).toBe(1);
    });
  });

  describe('the service down across a deadline', () => {
    it('records on the next start the breach that fell due while it was down, at its real due time', async () => {
      const clock = new SettableClock(new Date('2025-06-03T08:00:00Z'));
      const first = await startEmbeddedService({}, { clock, keepData: true });
      const caseId = await handover(first, { handedOverAt: '2025-06-02T10:00:00+02:00' });
      expect(missedCount(await caseEvents(first, caseId))).toBe(0);
      await first.stop();

      clock.set('2025-06-08T09:30:00Z');
      const second = await startEmbeddedService({}, { clock, dataDir: first.dataDir });
      try {
        const events = await eventually(async () => {
          const all = await caseEvents(second, caseId);
          return missedCount(all) === 1 ? all : undefined;
        });
        const missed = events.find((e) => e.type === 'FirstContactDeadlineMissed')!;
        expect(missed.data).toMatchObject({ at: '2025-06-05T08:00:00.000Z', dueAt: '2025-06-05T08:00:00.000Z', detectedAt: '2025-06-08T09:30:00.000Z' });
      } finally {
        await second.stop();
      }
    });
  });
});
