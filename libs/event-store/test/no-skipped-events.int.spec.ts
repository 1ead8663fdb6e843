import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { APPEND_SQL, appendParams, PostgresEventStore, type NewEvent, type RecordedEvent } from '@referral/event-store';
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
describe('a live subscription under concurrent, slowly committing writers', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeEach(async () => {
    db = await freshPostgresSchema(WRITERS + 4);
    store = await PostgresEventStore.create(db.client, { subscriptionTiming: { pollMinMs: 1, pollMaxMs: 4 } });
  });
  afterEach(async () => {
    await store.close();
    await db.dispose();
  });

  it('skips no committed event and delivers no rolled-back one', async () => {
    const delivered: RecordedEvent[] = [];
    const controller = new AbortController();
    const subscribing = (async () => {
      for await (const event of store.subscribe({ after: null, signal: controller.signal, batchSize: 7 })) {
        delivered.push(event);
      }
    })();

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
    await eventually(() => delivered.some((e) => e.position === sentinel.position), {
      what: () => `the sentinel (the subscription delivered ${delivered.length} events but not it)`,
    });
    controller.abort();
    await subscribing;

    const writes = delivered.filter((e) => e.streamId !== 'sentinel');
    expect(rolledBack.size).toBeGreaterThan(0);
    expect(committed.size).toBeGreaterThan(WRITERS * APPENDS_PER_WRITER);
    expect(writes.filter((e) => rolledBack.has(e.id))).toEqual([]);
    expect(new Set(writes.map((e) => e.id))).toEqual(committed);
    expect(writes).toHaveLength(committed.size);
    delivered.slice(1).forEach((e, index) => expect(e.position > delivered[index].position).toBe(true));
    const stored = await db.client.query<{ id: string }>('SELECT id FROM es_events ORDER BY position');
    expect(delivered.map((e) => e.id)).toEqual(stored.rows.map((row) => row.id));
  });
});

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
