import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { addLocalCalendarDays, slaDeadlines, STOCKHOLM, type SlaTerms } from '@referral/case';
import { openEmbeddedEventStore, type RecordedEvent } from '@referral/event-store';
import { sleepUntil } from '../../libs/deadline-timers/src/exact-instant';
import { seededRandom } from '../support/seeded-random';
import { freshEmbeddedDataDir } from '../support/embedded-data-dir';
import { eventually } from '../support/eventually';
import { handoverBody } from '../support/handovers';
import { deleteKeysOf, keysOf } from '../support/redis-keys';
import { ServiceProcess } from '../support/service-process';
import { bearer, tokenFor } from '../support/tokens';

/**
 * The real service in a child process, SIGKILLed while first-contact deadlines fall due, then
 * started again on the same data directory and Redis prefix: replaying the event store afterwards
 * shows every breach recorded exactly once, at its true due time, and no event twice.
 * KILL_TEST_SEED=<n> replays the kill instants of a failed run.
 */

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const QUEUE = 'referral-deadlines';
const CASES = 30;
/** Deadlines fall due from FIRST_DUE_MS to FIRST_DUE_MS + SPREAD_MS after the handovers start. */
const FIRST_DUE_MS = 8_000; // after every handover is in, even on a busy machine
const SPREAD_MS = 3_000;
/**
 * A job in the worker's hands when the process dies (handed over 200 ms before its instant, or
 * mid-handler) stays in BullMQ's active list, and re-arming its id adds nothing, until the stalled
 * check of a later worker sees it twice with its lock gone (lock 30 s, a check every 30 s that the
 * dead process's last check can hold off for 30 s: BullMQ's defaults, which the service keeps). Its
 * breach then comes up to ~100 s late (97 s seen): the waits allow for that.
 */
const SETTLE_TIMEOUT_MS = 150_000;

const baseSeed = process.env.KILL_TEST_SEED === undefined ? randomBytes(4).readUInt32BE(0) : Number(process.env.KILL_TEST_SEED);

interface SentCase {
  caseId: string;
  handedOverAt: string;
  /** The first-contact due instant we aimed for, epoch ms. */
  dueMs: number;
}

interface Scenario {
  seed: number;
  random: () => number;
  dataDir: string;
  prefix: string;
  redis: Redis;
  notes: string[];
}

describe('the service SIGKILLed while deadline timers fire (child process, real Redis)', () => {
  let police: Record<string, string>;
  let cityStaff: Record<string, string>;
  const services: ServiceProcess[] = [];
  let scenario: Scenario | null = null;

  beforeAll(async () => {
    police = bearer(await tokenFor('police-1', 'city', ['police-integration']));
    cityStaff = bearer(await tokenFor('staff-city', 'city', ['staff']));
  });

  afterEach(async () => {
    for (const service of services.splice(0)) await service.kill();
    if (!scenario) return;
    const { redis, prefix, dataDir } = scenario;
    scenario = null;
    await deleteKeysOf(redis, prefix).finally(() => redis.quit());
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function begin(salt: number): Promise<Scenario> {
    const seed = (baseSeed + salt) >>> 0;
    scenario = {
      seed,
      random: seededRandom(seed),
      dataDir: await freshEmbeddedDataDir(),
      prefix: `kill-${randomBytes(6).toString('hex')}`,
      redis: new Redis(REDIS_URL, { maxRetriesPerRequest: 3 }),
      notes: [`KILL_TEST_SEED=${baseSeed}`],
    };
    return scenario;
  }

  async function start(s: Scenario): Promise<ServiceProcess> {
    const service = await ServiceProcess.start({ dataDir: s.dataDir, redisPrefix: s.prefix, env: { REDIS_URL } });
    services.push(service);
    return service;
  }

  /** Handovers whose first contact falls due 3-6 s from now, plus `farCount` due in a day. */
  async function sendHandovers(service: ServiceProcess, farCount = 0): Promise<{ due: SentCase[]; far: SentCase[] }> {
    const t0 = Date.now();
    const dueTimes = Array.from({ length: CASES }, (_, i) => t0 + FIRST_DUE_MS + Math.round((i * SPREAD_MS) / (CASES - 1)));
    const farTimes = Array.from({ length: farCount }, (_, i) => t0 + 86_400_000 + i * 1000);
    const send = async (dueMs: number): Promise<SentCase> => {
      const handedOverAt = new Date(addLocalCalendarDays(dueMs, -3, STOCKHOLM)).toISOString();
      const response = await fetch(`${service.baseUrl}/handovers`, {
        method: 'POST',
        headers: { ...police, 'content-type': 'application/json' },
        body: JSON.stringify(handoverBody({ handedOverAt })),
      });
      const body = (await response.json()) as { caseId?: string };
      if (response.status !== 201 || !body.caseId) throw new Error(`Handover answered ${response.status}: ${JSON.stringify(body)}`);
      return { caseId: body.caseId, handedOverAt, dueMs };
    };
    const all = await Promise.all([...dueTimes, ...farTimes].map(send));
    scenario?.notes.push(`${all.length} handovers in ${Date.now() - t0} ms`);
    return { due: all.slice(0, CASES), far: all.slice(CASES) };
  }

  /** SIGKILL at a seeded instant between `fromMs` and `toMs` (epoch). */
  async function killBetween(s: Scenario, service: ServiceProcess, fromMs: number, toMs: number, label: string): Promise<number> {
    const at = Math.round(fromMs + s.random() * (toMs - fromMs));
    await sleepUntil(at);
    const killedAt = Date.now();
    const exit = await service.kill();
    expect(exit.signal).toBe('SIGKILL'); // it was still running: the kill is what ended it
    s.notes.push(`${label}: pid ${service.pid} killed at ${new Date(killedAt).toISOString()}`);
    return killedAt;
  }

  /** Polls the breach list (all orgs) until every case is in it. */
  async function waitForBreaches(service: ServiceProcess, cases: SentCase[]): Promise<void> {
    const wanted = new Set(cases.map((c) => c.caseId));
    await eventually(async () => {
      const response = await fetch(`${service.baseUrl}/sla/breaches?limit=500`, { headers: cityStaff });
      if (response.status !== 200) return undefined;
      const { items } = (await response.json()) as { items: Array<{ caseId: string; rule: string }> };
      const seen = new Set(items.filter((b) => b.rule === 'first-contact').map((b) => b.caseId));
      return [...wanted].every((id) => seen.has(id));
    }, { what: () => `every breach to appear\n${service.log}`, timeoutMs: SETTLE_TIMEOUT_MS, everyMs: 200 });
  }

  /**
   * Waits until Redis holds no first-contact job of these cases at all (delayed, waiting, active,
   * stalled or failed), so nothing left could still fire and record something after we look.
   */
  async function waitForNoFirstContactJobs(s: Scenario, cases: SentCase[]): Promise<void> {
    const ids = cases.map((c) => c.caseId);
    const jobKeys = () => keysOf(s.redis, `${s.prefix}:${QUEUE}.*:first-contact.*`);
    await eventually(async () => !(await jobKeys()).some((key) => ids.some((id) => key.includes(`.${id}.`))), {
      what: async () => `no first-contact job left in Redis (still: ${(await jobKeys()).join(', ')})`,
      timeoutMs: SETTLE_TIMEOUT_MS,
      everyMs: 250,
    });
  }

  async function stopCleanly(s: Scenario, service: ServiceProcess): Promise<void> {
    const exit = await service.stop();
    // Nest's shutdown hook re-raises the signal once the app has closed; the lock file it released shows it closed.
    expect(exit.signal === 'SIGTERM' || exit.code === 0).toBe(true);
    expect(existsSync(join(s.dataDir, 'referral.lock'))).toBe(false);
  }

  /** Replays the whole event store and checks every case: one breach, at its true due time. */
  async function replayAndCheck(s: Scenario, due: SentCase[], far: SentCase[]): Promise<void> {
    const opened = await openEmbeddedEventStore(s.dataDir);
    let events: RecordedEvent[] = [];
    try {
      for (let after: bigint | null = null; ; ) {
        const batch = await opened.store.readAll({ after, maxCount: 1000 });
        if (batch.length === 0) break;
        events = events.concat(batch);
        after = batch[batch.length - 1].position;
      }
    } finally {
      await opened.close();
    }

    const ids = events.map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);

    const byCase = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      if (!event.streamId.startsWith('case-')) continue;
      const caseId = event.streamId.slice('case-'.length);
      byCase.set(caseId, [...(byCase.get(caseId) ?? []), event]);
    }
    const lateness: number[] = [];
    for (const sent of due) {
      const stream = byCase.get(sent.caseId) ?? [];
      const received = stream.filter((e) => e.type === 'CaseReceived');
      expect({ caseId: sent.caseId, received: received.length }).toEqual({ caseId: sent.caseId, received: 1 });
      const data = received[0].data as { at: string; sla: SlaTerms };
      expect(Date.parse(data.at)).toBe(Date.parse(sent.handedOverAt));
      const dueAt = slaDeadlines(data.sla, data.at)!.firstContactDueAt;
      expect(Date.parse(dueAt)).toBe(sent.dueMs); // +3 days at the same Stockholm wall-clock time

      const missed = stream.filter((e) => e.type === 'FirstContactDeadlineMissed');
      expect({ caseId: sent.caseId, missed: missed.map((e) => e.data) }).toEqual({
        caseId: sent.caseId,
        missed: [expect.objectContaining({ caseId: sent.caseId, at: dueAt, dueAt })],
      });
      const detectedAt = Date.parse((missed[0].data as { detectedAt: string }).detectedAt);
      expect(detectedAt).toBeGreaterThan(Date.parse(dueAt)); // never early
      lateness.push(detectedAt - Date.parse(dueAt));
      expect(stream.filter((e) => e.type === 'DeadlineBreachRetracted')).toEqual([]);
    }
    for (const sent of far) {
      const types = (byCase.get(sent.caseId) ?? []).map((e) => e.type);
      expect({ caseId: sent.caseId, types }).toEqual({ caseId: sent.caseId, types: ['CaseReceived'] });
    }
    lateness.sort((a, b) => a - b);
    s.notes.push(
      `${events.length} events; breach lateness ms: min ${lateness[0]}, p50 ${lateness[Math.floor(lateness.length / 2)]}, ` +
        `max ${lateness[lateness.length - 1]}; over 1 s: ${lateness.filter((l) => l > 1000).length}`,
    );
  }

  /** Runs a scenario, naming the seed (and what happened) when it fails. */
  async function withSeed(s: Scenario, body: () => Promise<void>): Promise<void> {
    try {
      await body();
      process.stdout.write(`service-kill: ${s.notes.join('; ')}\n`);
    } catch (error) {
      if (error instanceof Error) error.message = `[${s.notes.join('; ')}]\n${error.message}`;
      throw error;
    }
  }

  it('records every breach exactly once when the service is killed while they fall due, and again while it recovers', async () => {
    const s = await begin(0);
    await withSeed(s, async () => {
      const first = await start(s);
      const { due, far } = await sendHandovers(first, 2);
      const firstDue = due[0].dueMs;
      const lastDue = due[due.length - 1].dueMs;
      s.notes.push(`due ${new Date(firstDue).toISOString()} .. ${new Date(lastDue).toISOString()}`);
      await killBetween(s, first, firstDue, lastDue, 'kill 1 (while due)');

      // The dead process's lock file names a pid that no longer runs: the new one takes it over.
      const second = await start(s);
      // Killed again while it re-arms and checks the deadlines that passed while it was down.
      await killBetween(s, second, Date.now(), Date.now() + 1500, 'kill 2 (recovering)');

      const third = await start(s);
      await waitForBreaches(third, due);
      await waitForNoFirstContactJobs(s, due);
      await stopCleanly(s, third);
      await replayAndCheck(s, due, far);
    });
  }, 240_000);

  it('records every breach exactly once when Redis loses every key of the service while it is down', async () => {
    const s = await begin(1);
    await withSeed(s, async () => {
      const first = await start(s);
      const { due } = await sendHandovers(first);
      await killBetween(s, first, due[0].dueMs, due[due.length - 1].dueMs, 'kill (while due)');

      // FLUSHALL for this deployment only: other suites share the server.
      const keys = await keysOf(s.redis, `${s.prefix}:*`);
      expect(keys.some((key) => key.includes(':first-contact.'))).toBe(true);
      await s.redis.del(...keys);
      s.notes.push(`deleted ${keys.length} Redis keys`);

      const second = await start(s);
      await waitForBreaches(second, due);
      await waitForNoFirstContactJobs(s, due);
      await stopCleanly(s, second);
      await replayAndCheck(s, due, []);
    });
  }, 120_000);
});
