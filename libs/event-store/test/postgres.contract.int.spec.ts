import { PostgresEventStore, SharedFeedEventStore, type EventStore } from '@referral/event-store';
import { describeEventStoreContract, type EventStoreHarness } from '@referral/event-store/testing';
import { freshPglite, freshPostgresSchema, type TestDatabase } from '../../../test/support/databases';

/** A store on a fresh database; reopening makes a new store (and runs migrations again) on the same database. */
async function harnessOn(database: Promise<TestDatabase>, wrap: (store: EventStore) => EventStore = (store) => store): Promise<EventStoreHarness> {
  const db = await database;
  const fast = { subscriptionTiming: { pollMinMs: 2, pollMaxMs: 20 } };
  const harness: EventStoreHarness = {
    store: wrap(await PostgresEventStore.create(db.client, fast)),
    async reopen() {
      await harness.store.close();
      harness.store = wrap(await PostgresEventStore.create(db.client, fast));
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

// One subscription shared by all of a store's readers, with a window of 4 events, so the
// contract's readers are served from the window, wait at its end and fall behind it. The feed
// only uses the port, so one backend under it is enough (the shared-feed and no-skipped-events
// tests run it on PGlite and PostgreSQL too).
const sharedFeed = (store: EventStore) => new SharedFeedEventStore(store, { windowSize: 4, batchSize: 3 });
describeEventStoreContract('PostgreSQL server through a shared feed', () => harnessOn(freshPostgresSchema(), sharedFeed));
