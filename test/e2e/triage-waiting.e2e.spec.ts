import request from 'supertest';
import type { EventStore } from '@referral/event-store';
import { EVENT_STORE } from '@referral/platform';
import { CaseQueries } from '@referral/read-models';
import { DeadlinesHost } from '../../apps/worker/src/deadlines/deadlines-host';
import { startEmbeddedService, type RunningService } from '../support/app';
import { eventually } from '../support/eventually';
import { handoverBody } from '../support/handovers';
import { SettableClock } from '../support/settable-clock';
import { SseClient } from '../support/sse-client';
import { bearer, tokenFor } from '../support/tokens';

const RECEIVED = '2025-06-09T09:00:00.000Z';
const LINE = '2025-06-10T09:00:00.000Z'; // received + city.triageAlertHours (24)
const RESTARTED = '2025-06-10T11:30:00.000Z';

// The clock is injected and timers wait on the wall clock, so the line is crossed while the service
// is down: the restart (Redis fresh, as after a loss) re-arms from the read model and records the
// wait at its true time.
describe('triage that waits: the city sees a triage case not routed within triageAlertHours', () => {
  let police: Record<string, string>;
  let city: Record<string, string>;
  let jour: Record<string, string>;
  const clock = new SettableClock(new Date('2025-06-10T08:00:00Z'));
  const atRisk = async (service: RunningService, who: Record<string, string>) => {
    const answer = await request(service.app.getHttpServer()).get('/api/v1/sla/at-risk').set(who);
    expect(answer.status).toBe(200);
    return answer.body.items as Array<Record<string, unknown>>;
  };
  const ids = (items: Array<Record<string, unknown>>) => items.map((c) => c.caseId);

  beforeAll(async () => {
    police = bearer(await tokenFor('police-1', 'city', ['police-integration']));
    city = bearer(await tokenFor('city-coord', 'city', ['coordinator']));
    jour = bearer(await tokenFor('coord-v', 'boj-vasterort', ['coordinator']));
  });

  it('lists it for city coordinators after the line with rule triage, not before, not for a jour, and streams it once', async () => {
    const first = await startEmbeddedService({}, { clock, keepData: true });
    let caseId: string;
    try {
      const received = await request(first.app.getHttpServer()).post('/api/v1/handovers').set(police)
        .send(handoverBody({ handedOverAt: RECEIVED, area: { municipality: 'Uppsala' } }));
      expect(received.body).toMatchObject({ routedTo: 'triage', status: 'triage' });
      caseId = received.body.caseId;
      const queries = first.app.get(CaseQueries);
      await eventually(async () => (await queries.openDeadlines()).some((t) => t.caseId === caseId && t.kind === 'triage-wait') || undefined);
      expect(ids(await atRisk(first, city))).not.toContain(caseId); // 23 h
      clock.set(LINE);
      expect(ids(await atRisk(first, city))).not.toContain(caseId); // exactly 24 h: not more than that
      clock.set('2025-06-10T09:00:00.001Z');
      expect(await atRisk(first, city)).toContainEqual({ caseId, org: 'triage', rule: 'triage', receivedAt: RECEIVED, alertAt: LINE });
      expect(ids(await atRisk(first, jour))).not.toContain(caseId);
      const docs = await request(first.app.getHttpServer()).get('/api/docs-json');
      expect(docs.body.components.schemas.AtRiskItemDto.properties.rule).toMatchObject({ enum: ['first-contact', 'triage'] });
    } finally {
      await first.stop();
    }

    clock.set(RESTARTED);
    const second = await startEmbeddedService({}, { clock, dataDir: first.dataDir });
    await second.app.listen(0);
    const streamUrl = `${(await second.app.getUrl()).replace('[::1]', '127.0.0.1')}/api/v1/sla/stream`;
    // From the start of the change log: what the restart announced before these clients came is replayed.
    const cityStream = new SseClient(streamUrl, { ...city, 'Last-Event-ID': '0' });
    const jourStream = new SseClient(streamUrl, { ...jour, 'Last-Event-ID': '0' });
    try {
      expect((await cityStream.open()).status).toBe(200);
      expect((await jourStream.open()).status).toBe(200);
      const announced = await cityStream.waitFor((d) => d.caseId === caseId && d.change === 'triage-waiting', 15_000);
      expect(announced).toMatchObject({ org: 'triage', slaState: 'at-risk', at: LINE });
      const store = second.app.get<EventStore>(EVENT_STORE);
      const waits = async () => (await store.readStream(`case-${caseId}`)).filter((e) => e.type === 'TriageWaitExceeded');
      expect((await waits()).map((e) => e.data)).toEqual([expect.objectContaining({ at: LINE, detectedAt: RESTARTED })]);
      expect(await atRisk(second, city)).toContainEqual({ caseId, org: 'triage', rule: 'triage', receivedAt: RECEIVED, alertAt: LINE });

      // Another pass once the read model has the wait arms and records nothing more.
      const queries = second.app.get(CaseQueries);
      await eventually(async () => (await queries.openDeadlines()).every((t) => t.caseId !== caseId) || undefined);
      expect(await second.app.get(DeadlinesHost).reconcileNow()).toMatchObject({ fired: 0 });
      const detail = await request(second.app.getHttpServer()).get(`/api/v1/cases/${caseId}`).set(city);
      expect(detail.body.history).toContainEqual({ type: 'TriageWaitExceeded', at: LINE, receivedAt: RECEIVED, hoursWaited: 24, detectedAt: RESTARTED });

      // The closure comes after it on the same ordered stream: by then every announcement of the wait is in.
      const closed = await request(second.app.getHttpServer()).post(`/api/v1/cases/${caseId}/closure`).set(city).send({ reason: 'duplicate' });
      expect(closed.status).toBe(200);
      await cityStream.waitFor((d) => d.caseId === caseId && d.change === 'closed', 10_000);
      expect(cityStream.received.filter((d: any) => d.caseId === caseId && d.change === 'triage-waiting')).toHaveLength(1);
      expect(await waits()).toHaveLength(1);
      expect(jourStream.received.filter((d: any) => d.caseId === caseId)).toEqual([]);
      expect(ids(await atRisk(second, city))).not.toContain(caseId);
    } finally {
      cityStream.close();
      jourStream.close();
      await second.stop();
    }
  });
});
