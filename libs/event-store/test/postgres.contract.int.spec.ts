import { PostgresEventStore } from '@referral/event-store';
import { describeEventStoreContract, type EventStoreHarness } from '@referral/event-store/testing';
import { freshPglite, freshPostgresSchema, type TestDatabase } from '../../../test/support/databases';

/** A store on a fresh database; reopening makes a new store (and runs migrations again) on the same database. */
async function harnessOn(database: Promise<TestDatabase>): Promise<EventStoreHarness> {
  const db = await database;
  const fast = { subscriptionTiming: { pollMinMs: 2, pollMaxMs: 20 } };
  const harness: EventStoreHarness = {
    store: await PostgresEventStore.create(db.client, fast),
    async reopen() {
      await harness.store.close();
      harness.store = await PostgresEventStore.create(db.client, fast);
      return harness.store;
    },
    async dispose() {
      await harness.store.close();
      await db.dispose();
    },
  };
  return harness;
}

describeEventStoreContract('PGlite (in memory)', () => harnessOn(freshPglite()));
describeEventStoreContract('PostgreSQL server', () => harnessOn(freshPostgresSchema()));
