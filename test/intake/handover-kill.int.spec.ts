import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Redis } from 'ioredis';
import { openEmbeddedEventStore, type RecordedEvent } from '@referral/event-store';
import { freshEmbeddedDataDir } from '../support/embedded-data-dir';
import { handoverBody } from '../support/handovers';
import { deleteKeysOf } from '../support/redis-keys';
import { randomInt, seededRandom } from '../support/seeded-random';
import { ServiceProcess } from '../support/service-process';
import { bearer, tokenFor } from '../support/tokens';

/**
 * The real service in a child process, SIGKILLed at seeded instants while handovers flow (several
 * in flight at each kill), then started again on the same data directory, three times. Read
 * straight from the store afterwards, with nothing sent again: every claim on a handover stream
 * has its case. HANDOVER_KILL_SEED=<n> replays a failed run's kill instants.
 * Most of a request's time is spent waiting for the read models, after its writes, so a kill
 * rarely lands between two appends: the fault injected in apps/api/test/intake is what proves
 * the one-write intake; this shows the real process and its restarts keep that promise.
 */

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROUNDS = 3;
const SENDERS = 8;
const seed = process.env.HANDOVER_KILL_SEED === undefined ? randomBytes(4).readUInt32BE(0) : Number(process.env.HANDOVER_KILL_SEED);

describe('the service SIGKILLed while handovers arrive (child process)', () => {
  let dataDir: string;
  const prefix = `intake-kill-${randomBytes(6).toString('hex')}`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 3 });
  let service: ServiceProcess | null = null;

  beforeAll(async () => (dataDir = await freshEmbeddedDataDir()));
  afterAll(async () => {
    await service?.kill();
    await deleteKeysOf(redis, prefix).finally(() => redis.quit());
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves no claim without its case, however the process dies', async () => {
    const random = seededRandom(seed);
    const police = bearer(await tokenFor('police-1', 'city', ['police-integration']));
    const notes = [`HANDOVER_KILL_SEED=${seed}`];
    for (let round = 0; round < ROUNDS; round++) {
      service = await ServiceProcess.start({ dataDir, redisPrefix: prefix, env: { REDIS_URL } });
      const killAfter = randomInt(random, 4, 24);
      const answered = await sendUntilKilled(service, police, killAfter);
      notes.push(`round ${round}: killed after ${answered} handovers were answered 201`);
    }
    service = null;

    const events = await readWholeStore(dataDir);
    const claims = events.filter((event) => event.type === 'HandoverAccepted');
    const casesReceived = new Set(events.filter((event) => event.type === 'CaseReceived').map((event) => event.streamId));
    const claimsWithoutCase = claims.filter((claim) => !casesReceived.has(`case-${String(claim.data.caseId)}`));
    notes.push(`${claims.length} claims, ${casesReceived.size} cases`);
    expect({ claimsWithoutCase: claimsWithoutCase.map((claim) => claim.streamId), notes }).toEqual({ claimsWithoutCase: [], notes });
    expect(claims.length).toBeGreaterThanOrEqual(ROUNDS * 4);
    // Each round starts the whole service (10 s and more on a busy machine).
  }, 240_000);
});

/**
 * Keeps SENDERS handovers in flight; when the `killAfter`-th is answered 201, SIGKILLs the
 * service with the others still in its hands. Answers how many were answered 201.
 */
async function sendUntilKilled(service: ServiceProcess, police: Record<string, string>, killAfter: number): Promise<number> {
  let created = 0;
  let killing: Promise<unknown> | null = null;
  const sender = async () => {
    while (!killing) {
      const response = await fetch(`${service.baseUrl}/handovers`, {
        method: 'POST',
        headers: { ...police, 'content-type': 'application/json' },
        body: JSON.stringify(handoverBody()),
      }).catch(() => null);
      if (!response) return;
      await response.arrayBuffer().catch(() => undefined);
      if (response.status !== 201) throw new Error(`A handover answered ${response.status}:\n${service.log}`);
      if (++created === killAfter) killing = service.kill();
    }
  };
  await Promise.all(Array.from({ length: SENDERS }, sender)).catch(async (error: unknown) => {
    await service.kill();
    throw error;
  });
  const exit = await killing;
  expect(exit).toMatchObject({ signal: 'SIGKILL' });
  return created;
}

async function readWholeStore(dataDir: string): Promise<RecordedEvent[]> {
  const embedded = await openEmbeddedEventStore(dataDir);
  try {
    const events: RecordedEvent[] = [];
    for (let batch = await embedded.store.readAll({ after: null }); batch.length > 0; batch = await embedded.store.readAll({ after: batch[batch.length - 1].position })) {
      events.push(...batch);
    }
    return events;
  } finally {
    await embedded.close();
  }
}
