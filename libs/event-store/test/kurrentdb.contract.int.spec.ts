import { KurrentDbEventStore, SharedFeedEventStore, type EventStore } from '@referral/event-store';
import { describeEventStoreContract, type EventStoreHarness } from '@referral/event-store/testing';

const connectionString = process.env.KURRENTDB_CONNECTION_STRING;

/** A client on the shared server; the contract keeps tests apart with unique stream ids. */
async function open(url: string, wrap: (store: EventStore) => EventStore = (store) => store): Promise<EventStoreHarness> {
  const fast = { resubscribe: { initialMs: 50, maxMs: 1000 } };
  const harness: EventStoreHarness = {
    store: wrap(KurrentDbEventStore.connect(url, fast)),
    async reopen() {
      await harness.store.close();
      harness.store = wrap(KurrentDbEventStore.connect(url, fast));
      return harness.store;
    },
    async dispose() {
      await harness.store.close();
    },
  };
  await harness.store.ping();
  return harness;
}

const sharedFeed = (store: EventStore) => new SharedFeedEventStore(store, { windowSize: 4, batchSize: 3 });
const options = { eventIdsUniqueAcrossStreams: false, exclusive: false };
const skipReason = 'KURRENTDB_CONNECTION_STRING is not set; start KurrentDB (docker compose up kurrentdb) and set it to run this suite';

if (connectionString) {
  describeEventStoreContract('kurrentdb', () => open(connectionString), options);
  describeEventStoreContract('kurrentdb through a shared feed', () => open(connectionString, sharedFeed), options);
} else {
  const unreachable = () => Promise.reject(new Error('unreachable: the suite is skipped'));
  describeEventStoreContract('kurrentdb', unreachable, { skipReason });
  describeEventStoreContract('kurrentdb through a shared feed', unreachable, { skipReason });
}
