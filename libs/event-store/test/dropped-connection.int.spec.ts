import { randomBytes, randomUUID } from 'node:crypto';
import { PostgresEventStore, type NewEvent, type RecordedEvent } from '@referral/event-store';
import { PgSqlClient } from '@referral/sql';
import { freshPostgresSchema, TEST_DATABASE_URL, type TestDatabase } from '../../../test/support/databases';
import { eventually } from '../../../test/support/eventually';

/**
 * A real dropped connection: the subscriber's read is made to wait on a table lock, and its
 * backend is terminated meanwhile. The subscription must retry and carry on where it was.
 */
describe('a subscription whose connection is terminated', () => {
  const applicationName = `subscriber-${randomBytes(4).toString('hex')}`;
  let db: TestDatabase;
  let subscriberClient: PgSqlClient;
  beforeEach(async () => {
    db = await freshPostgresSchema();
    const { rows } = await db.client.query<{ schema: string }>('SELECT current_schema() AS schema');
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('application_name', applicationName);
    subscriberClient = new PgSqlClient({ connectionString: url.toString(), schema: rows[0].schema, maxConnections: 1 });
  });
  afterEach(async () => {
    await subscriberClient.close();
    await db.dispose();
  });

  it('retries with backoff and resumes after the last delivered event', async () => {
    const writer = await PostgresEventStore.create(db.client);
    const readErrors: unknown[] = [];
    const subscriber = await PostgresEventStore.create(subscriberClient, {
      subscriptionTiming: { pollMinMs: 2, pollMaxMs: 10, retryInitialMs: 5, retryMaxMs: 40, onReadError: (e) => readErrors.push(e) },
    });
    const before = events(5);
    await writer.appendToStream('s', before);
    const delivered: RecordedEvent[] = [];
    const controller = new AbortController();
    const subscribing = (async () => {
      for await (const event of subscriber.subscribe({ after: null, signal: controller.signal })) delivered.push(event);
    })();
    await eventually(() => delivered.length === 5, { what: () => `5 events delivered (${delivered.length} so far)` });

    const locker = await (db.client as PgSqlClient).pool.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE es_events IN ACCESS EXCLUSIVE MODE');
    const blockedPid = async () => {
      const { rows } = await locker.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`,
        [applicationName],
      );
      return rows[0]?.pid;
    };
    await eventually(async () => (await blockedPid()) !== undefined, { what: 'the subscriber to block on the lock' });
    await locker.query('SELECT pg_terminate_backend($1)', [await blockedPid()]);
    await locker.query('COMMIT');
    locker.release();

    const after = events(5);
    await writer.appendToStream('s', after);
    await eventually(() => delivered.length >= 10, { what: () => `10 events delivered (${delivered.length} so far)` });
    controller.abort();
    await subscribing;

    expect(readErrors.length).toBeGreaterThan(0);
    expect(delivered.map((e) => e.id)).toEqual([...before, ...after].map((e) => e.id));
  });
});

function events(count: number): NewEvent[] {
  return Array.from({ length: count }, () => ({ id: randomUUID(), type: 'T', data: {}, metadata: { schemaVersion: 1 } }));
}
