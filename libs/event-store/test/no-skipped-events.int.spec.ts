import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { APPEND_SQL, appendParams, PostgresEventStore, SharedFeedEventStore, type EventStore, type NewEvent, type RecordedEvent } from '@referral/event-store';
import type { PgSqlClient } from '@referral/sql';
import { freshPostgresSchema, type TestDatabase } from '../../../test/support/databases';
import { seededRandom } from '../../../test/support/seeded-random';
import { eventually } from '../../../test/support/eventually';

const WRITERS = 8;
const APPENDS_PER_WRITER = 50;
const MAX_COMMIT_DELAY_MS = 8;
const ROLLBACK_SHARE = 0.2;
const MULTI_STREAM_SHARE = 0.3;
const SEED = Number(process.env.NO_SKIP_SEED ?? 20240611);

/**
 * The sequence-gap trap: positions are taken at insert but become visible at commit, so a reader
 * of "position > checkpoint" can pass over an event whose transaction commits late. Writers here
 * hold their transactions open for a random while after the insert, and some roll back, while a
 * live subscription reads. It must see every committed event once, in order, and nothing else.
 */
describe.each([
  { readers: 'one live subscription', shared: false, paces: [0] },
  // Three readers of one shared subscription (a window of 16 events): one keeps up, one pauses now
  // and then and so falls behind the window and reads on its own, one is a little slow throughout.
  { readers: 'three readers of a shared feed', shared: true, paces: [0, 25, 1] },
])('$readers under concurrent, slowly committing writers', ({ shared, paces }) => {
  let db: TestDatabase;
  let store: EventStore;
  beforeEach(async () => {
    db = await freshPostgresSchema(WRITERS + 4);
    const postgres = await PostgresEventStore.create(db.client, { subscriptionTiming: { pollMinMs: 1, pollMaxMs: 4 } });
    store = shared ? new SharedFeedEventStore(postgres, { windowSize: 16, batchSize: 7 }) : postgres;
  });
  afterEach(async () => {
    await store.close();
    await db.dispose();
  });

  it('skips no committed event and delivers no rolled-back one', async () => {
    const controller = new AbortController();
    const readers = paces.map((pauseMs, reader) => follow(store, controller.signal, pauseMs, SEED + 100 + reader));

    const committed = new Set<string>();
    const rolledBack = new Set<string>();
    const pool = (db.client as PgSqlClient).pool;
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        const connection = await pool.connect();
        try {
          await runWriter(connection, writer, committed, rolledBack);
        } finally {
          connection.release();
        }
      }),
    );

    const sentinel = await store.appendToStream('sentinel', [event()]);
    await eventually(() => readers.every((r) => r.delivered.some((e) => e.position === sentinel.position)), {
      what: () => `the sentinel (readers delivered ${readers.map((r) => r.delivered.length).join(', ')} events)`,
    });
    controller.abort();
    await Promise.all(readers.map((r) => r.done));

    const stored = await db.client.query<{ id: string }>('SELECT id FROM es_events ORDER BY position');
    expect(rolledBack.size).toBeGreaterThan(0);
    expect(committed.size).toBeGreaterThan(WRITERS * APPENDS_PER_WRITER);
    for (const { delivered } of readers) {
      const writes = delivered.filter((e) => e.streamId !== 'sentinel');
      expect(writes.filter((e) => rolledBack.has(e.id))).toEqual([]);
      expect(new Set(writes.map((e) => e.id))).toEqual(committed);
      expect(writes).toHaveLength(committed.size);
      delivered.slice(1).forEach((e, index) => expect(e.position > delivered[index].position).toBe(true));
      expect(delivered.map((e) => e.id)).toEqual(stored.rows.map((row) => row.id));
    }
  });
});

/** Reads from the start; with `pauseMs`, waits that long after about one event in twenty. */
function follow(store: EventStore, signal: AbortSignal, pauseMs: number, seed: number) {
  const random = seededRandom(seed);
  const delivered: RecordedEvent[] = [];
  const done = (async () => {
    for await (const event of store.subscribe({ after: null, signal, batchSize: 7 })) {
      delivered.push(event);
      if (pauseMs > 0 && random() < 0.05) await delay(pauseMs);
    }
  })();
  return { delivered, done };
}

/**
 * Appends 1-3 events per transaction through the store's own append function, then waits before
 * ending it. About a third of the transactions append to a second stream after a wait, as
 * `appendToStreams` does: positions still become visible in the order they were taken.
 */
async function runWriter(
  connection: PoolClient,
  writer: number,
  committed: Set<string>,
  rolledBack: Set<string>,
): Promise<void> {
  const random = seededRandom(SEED + writer);
  for (let append = 0; append < APPENDS_PER_WRITER; append++) {
    const events = Array.from({ length: 1 + Math.floor(random() * 3) }, () => event());
    const stream = `writer-${writer}-${append % 3}`;
    const rollBack = random() < ROLLBACK_SHARE;
    await connection.query('BEGIN');
    await connection.query(APPEND_SQL, appendParams(stream, events, 'any'));
    if (random() < MULTI_STREAM_SHARE) {
      const more = [event()];
      await delay(random() * MAX_COMMIT_DELAY_MS);
      await connection.query(APPEND_SQL, appendParams(`writer-${writer}-second`, more, 'any'));
      events.push(...more);
    }
    await delay(random() * MAX_COMMIT_DELAY_MS);
    await connection.query(rollBack ? 'ROLLBACK' : 'COMMIT');
    for (const { id } of events) (rollBack ? rolledBack : committed).add(id);
    await delay(random() * 2);
  }
}

function event(): NewEvent {
  return { id: randomUUID(), type: 'Written', data: {}, metadata: { schemaVersion: 1 } };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
