import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PostgresEventStore, type RecordedEvent } from '@referral/event-store';
import { freshPostgresSchema, TEST_DATABASE_URL, type TestDatabase } from '../../../test/support/databases';
import { eventually } from '../../../test/support/eventually';
import { randomInt, seededRandom } from '../../../test/support/seeded-random';
import { foldTally, readTally } from './support/tally-projection';
import { appendWorkload, readEverything } from './support/workload';

const CHILD = join(__dirname, 'support', 'runner-child.ts');
const REPO = join(__dirname, '..', '..', '..');
const SEED = Number(process.env.KILL_TEST_SEED ?? 20240611);

/** A real worker process, SIGKILLed at seeded moments, must still apply each event exactly once. */
describe('a runner process killed with SIGKILL (PostgreSQL server)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let schema: string;
  const alive = new Set<ChildProcess>();
  beforeAll(async () => {
    db = await freshPostgresSchema(3);
    store = await PostgresEventStore.create(db.client);
    schema = (await db.client.query<{ s: string }>('SELECT current_schema() AS s')).rows[0].s;
  });
  afterAll(async () => {
    for (const child of alive) await kill(child);
    await store.close();
    await db.dispose();
  });

  function spawnRunner(): { child: ChildProcess; stderr: () => string } {
    let stderr = '';
    const child = spawn(process.execPath, ['-r', '@swc-node/register', CHILD], {
      cwd: REPO,
      env: { ...process.env, DATABASE_URL: TEST_DATABASE_URL, SCHEMA: schema },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    alive.add(child);
    child.once('exit', () => alive.delete(child));
    return { child, stderr: () => stderr };
  }

  async function checkpoint(): Promise<bigint | null> {
    const { rows } = await db.client
      .query<{ position: string | null }>(`SELECT position FROM projection_checkpoints WHERE projection = 'killed'`)
      .catch(() => ({ rows: [] as Array<{ position: string | null }> })); // not migrated yet
    return rows[0]?.position ? BigInt(rows[0].position) : null;
  }

  async function waitForCheckpoint(at: bigint, runner: ReturnType<typeof spawnRunner>): Promise<void> {
    let position: bigint | null = null;
    await eventually(async () => {
      position = await checkpoint();
      if (position !== null && position >= at) return true;
      if (runner.child.exitCode !== null) throw new Error(`The runner exited early: ${runner.stderr()}`);
      return false;
    }, { what: () => `checkpoint ${String(position)} to reach ${at}: ${runner.stderr()}`, timeoutMs: 30_000, everyMs: 2 });
  }

  async function kill(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  it('applies each event exactly once across kills and restarts', async () => {
    const random = seededRandom(SEED);
    await appendWorkload(store, 1200, random);
    let events: RecordedEvent[] = await readEverything(store);
    const killedAt: bigint[] = [];
    for (let round = 0; round < 6; round++) {
      const from = await checkpoint();
      const done = from === null ? 0 : events.findIndex((e) => e.position === from) + 1;
      const target = events[Math.min(events.length - 1, done + randomInt(random, 10, 150))];
      const runner = spawnRunner();
      await waitForCheckpoint(target.position, runner);
      // Picks the instant within the next batch (about 25-40 ms of work); nothing waits on it.
      await new Promise((resolve) => setTimeout(resolve, randomInt(random, 0, 40)));
      await kill(runner.child);
      killedAt.push((await checkpoint()) as bigint);
      await appendWorkload(store, randomInt(random, 0, 40), random);
      events = await readEverything(store);
    }
    const head = events[events.length - 1].position;
    const last = spawnRunner();
    await waitForCheckpoint(head, last);
    await kill(last.child);

    expect(killedAt.every((position, i) => position < head && (i === 0 || position > killedAt[i - 1]))).toBe(true);
    expect(await readTally(db.client, 'killed')).toEqual(foldTally(events));
  }, 120_000);
});
