import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { caseDecider } from '@referral/case';
import { EventSourcedStream } from '@referral/case-workflows';
import type { EventStore } from '@referral/event-store';
import { EVENT_STORE } from '@referral/platform';
import { DeadlinesHost } from '../../apps/worker/src/deadlines/deadlines-host';
import { startEmbeddedService, type RunningService } from '../support/app';
import { capturedLog } from '../support/captured-log';
import { eventually } from '../support/eventually';
import { handoverBody } from '../support/handovers';
import { SettableClock } from '../support/settable-clock';
import { bearer, tokenFor } from '../support/tokens';

/** The value of one sample of the service's metrics, 0 when it is not there. */
function sample(metrics: string, series: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('observability of the running service (embedded, real Redis, debug logs)', () => {
  let service: RunningService;
  const log = capturedLog();
  const clock = new SettableClock(new Date('2025-06-10T08:00:00Z'));
  let police: Record<string, string>;
  let coordinator: Record<string, string>;
  const http = () => request(service.app.getHttpServer());
  const metrics = async () => (await http().get('/api/v1/metrics')).text;

  beforeAll(async () => {
    service = await startEmbeddedService({ LOG_LEVEL: 'debug' }, { clock, logDestination: log.destination });
    police = bearer(await tokenFor('police-1', 'city', ['police-integration']));
    coordinator = bearer(await tokenFor('coord-v', 'boj-vasterort', ['coordinator']));
    // The start-up reconciliation has run: the timers of the cases below are armed by the reaction
    // to their events (a timer reconciliation arms first carries no correlation id).
    const deadlines = service.app.get(DeadlinesHost);
    await eventually(() => deadlines.status.state === 'running', { what: 'deadline processing to start' });
  });
  afterAll(() => service.stop());

  async function handover(overrides: Record<string, unknown>, headers: Record<string, string> = {}): Promise<string> {
    const response = await http().post('/api/v1/handovers').set(police).set(headers).send(handoverBody(overrides));
    expect(response.status).toBe(201);
    return response.body.caseId as string;
  }

  it('follows a handover\'s X-Request-Id to the projections, the deadline timer it armed, and the breach that timer recorded', async () => {
    const correlationId = `e2e-corr-${randomBytes(6).toString('hex')}`;
    // Due on 2025-06-05, before the clock's now: the first-contact timer fires at once.
    const caseId = await handover({ handedOverAt: '2025-06-02T10:00:00+02:00' }, { 'X-Request-Id': correlationId });
    const store = service.app.get<EventStore>(EVENT_STORE);

    const missed = await eventually(async () => (await store.readStream(`case-${caseId}`)).find((e) => e.type === 'FirstContactDeadlineMissed'), {
      what: 'the first-contact breach',
    });
    const received = (await store.readStream(`case-${caseId}`)).find((e) => e.type === 'CaseReceived')!;
    expect(received.metadata.correlationId).toBe(correlationId);
    expect(missed.metadata).toMatchObject({ actor: 'deadline-timer', correlationId, causationId: received.id });

    const applied = await eventually(
      () => log.lines.find((l) => l.msg === 'Projection batch applied' && (l.correlationIds as string[]).includes(correlationId)),
      { what: 'a projection batch line naming the correlation id' },
    );
    expect(applied).toMatchObject({ component: 'projections', level: 20, projection: expect.any(String), position: expect.stringMatching(/^\d+$/) });
    const fired = log.lines.find((l) => l.msg === 'Deadline timer fired' && l.caseId === caseId && l.kind === 'first-contact');
    expect(fired).toMatchObject({ component: 'deadlines', correlationId, causationId: received.id, dueAt: '2025-06-05T08:00:00.000Z' });
    // Ids only on these lines: nothing of the person.
    expect(JSON.stringify([applied, fired])).not.toMatch(/Testa|Fiktiv|\+46/);
  });

  it('counts an append conflict and the command decided again after it', async () => {
    const caseId = await handover({ handedOverAt: '2025-06-09T10:00:00+02:00' });
    const before = await metrics();
    const series = {
      conflicts: 'referral_append_conflicts_total{stream="case"}',
      succeeded: 'referral_command_retries_total{stream="case",outcome="succeeded"}',
    };
    expect(before).toContain(`${series.succeeded} `);
    // The API's own stream runs a contact; between its read and its append, a coordinator records one over HTTP.
    const stream = service.app.get(EventSourcedStream, { strict: false });
    let attempts = 0;
    const appended = await stream.run(
      `case-${caseId}`,
      caseDecider,
      async () => {
        if (++attempts === 1) {
          const call = await http().post(`/api/v1/cases/${caseId}/contacts`).set(coordinator).send({ channel: 'phone', outcome: 'no-answer', at: '2025-06-09T19:00:00+02:00' });
          expect(call.status).toBe(201);
        }
        return { type: 'RecordContact' as const, caseId, channel: 'phone' as const, outcome: 'no-answer' as const, at: '2025-06-09T18:10:00.000Z', now: clock.now().toISOString() };
      },
      (refused) => {
        throw new Error(refused.error.message);
      },
      { metadata: {} },
    );
    expect(attempts).toBe(2);
    expect(appended.events.map((e) => e.type)).toContain('ContactRecorded');
    const after = await metrics();
    expect(sample(after, series.conflicts) - sample(before, series.conflicts)).toBe(1);
    expect(sample(after, series.succeeded) - sample(before, series.succeeded)).toBe(1);
  });
});
