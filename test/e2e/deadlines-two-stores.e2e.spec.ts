import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import request from 'supertest';
import { storeQueueName } from '@referral/deadline-timers';
import type { EventStore } from '@referral/event-store';
import { EVENT_STORE, REDIS, STORE_IDENTITY, systemClock } from '@referral/platform';
import { startEmbeddedService, type RunningService } from '../support/app';
import { eventually } from '../support/eventually';
import { handoverBody } from '../support/handovers';
import { deleteKeysOf } from '../support/redis-keys';
import { bearer, tokenFor } from '../support/tokens';

const DAY = 86_400_000;
const CASES_EACH = 6;

/**
 * Two deployments on two stores that share a Redis and a REDIS_PREFIX (a copy-pasted
 * configuration): each keeps its own deadline timers, because the queue is named by the store's
 * identity; a job for a case the store does not know is logged as a warning and counted.
 */
describe('two deployments of different stores on one Redis prefix (embedded, real Redis)', () => {
  const prefix = `e2e-shared-${randomBytes(6).toString('hex')}`;
  const logLines: string[] = [];
  const logs = new Writable({ write(chunk, _encoding, done) { logLines.push(String(chunk)); done(); } });
  let first: RunningService;
  let second: RunningService;
  let police: Record<string, string>;

  beforeAll(async () => {
    police = bearer(await tokenFor('police-1', 'city', ['police-integration']));
    first = await startEmbeddedService({ REDIS_PREFIX: prefix, LOG_LEVEL: 'warn' }, { clock: systemClock, logDestination: logs });
    second = await startEmbeddedService({ REDIS_PREFIX: prefix }, { clock: systemClock });
  });
  afterAll(async () => {
    const redis = first.app.get<Redis>(REDIS);
    await deleteKeysOf(redis, prefix);
    await second.stop();
    await first.stop();
  });

  async function handoversDueSoon(service: RunningService): Promise<string[]> {
    const handedOverAt = new Date(Date.now() - 3 * DAY + 3000).toISOString();
    const post = () => request(service.app.getHttpServer()).post('/api/v1/handovers').set(police).send(handoverBody({ handedOverAt }));
    const answers = await Promise.all(Array.from({ length: CASES_EACH }, post));
    return answers.map((answer) => {
      expect(answer.status).toBe(201);
      return answer.body.caseId as string;
    });
  }

  const breachesIn = async (service: RunningService, caseIds: string[]) => {
    const store = service.app.get<EventStore>(EVENT_STORE);
    const streams = await Promise.all(caseIds.map((id) => store.readStream(`case-${id}`)));
    return streams.map((events) => events.filter((event) => event.type === 'FirstContactDeadlineMissed').length);
  };

  it('names each store differently, and each deployment records every breach of its own cases', async () => {
    expect(first.app.get(STORE_IDENTITY)).not.toBe(second.app.get(STORE_IDENTITY));
    const [ofFirst, ofSecond] = await Promise.all([handoversDueSoon(first), handoversDueSoon(second)]);
    const once = Array.from({ length: CASES_EACH }, () => 1);
    await eventually(async () => {
      const [a, b] = await Promise.all([breachesIn(first, ofFirst), breachesIn(second, ofSecond)]);
      return a.every((n) => n === 1) && b.every((n) => n === 1) ? true : undefined;
    }, 20_000);
    expect(await breachesIn(first, ofFirst)).toEqual(once);
    expect(await breachesIn(second, ofSecond)).toEqual(once);
  });

  it('warns about and counts a job for a case its store does not know', async () => {
    const queue = new Queue(storeQueueName('referral-deadlines', first.app.get<string>(STORE_IDENTITY)), {
      connection: first.app.get<Redis>(REDIS),
      prefix,
    });
    const caseId = 'c0ffee00-0000-4000-8000-000000000000';
    const data = { caseId, kind: 'first-contact', dueAt: new Date().toISOString(), fireAtWallMs: Date.now() };
    await queue.add('first-contact', data, { jobId: `first-contact.${caseId}` });
    await queue.close();
    const counted = await eventually(async () => {
      const text = (await request(first.app.getHttpServer()).get('/api/v1/metrics')).text;
      return /referral_deadline_jobs_unknown_case_total\{kind="first-contact"\} 1\b/.test(text) ? text : undefined;
    });
    expect(counted).toBeDefined();
    const warned = logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.caseId === caseId);
    expect(warned).toEqual([expect.objectContaining({ level: 40, kind: 'first-contact', msg: expect.stringMatching(/does not know/) })]);
  });
});
