import { KurrentDbEventStore } from '@referral/event-store';
import { describeEventStoreContract, type EventStoreHarness } from '@referral/event-store/testing';

const connectionString = process.env.KURRENTDB_CONNECTION_STRING;

/** A client on the shared server; the contract keeps tests apart with unique stream ids. */
async function open(url: string): Promise<EventStoreHarness> {
  const fast = { resubscribe: { initialMs: 50, maxMs: 1000 } };
  const harness: EventStoreHarness = {
    store: KurrentDbEventStore.connect(url, fast),
    async reopen() {
      await harness.store.close();
      harness.store = KurrentDbEventStore.connect(url, fast);
      return harness.store;
    },
    async dispose() {
      await harness.store.close();
    },
  };
  await harness.store.ping();
  return harness;
}

if (connectionString) {
  describeEventStoreContract('kurrentdb', () => open(connectionString), { eventIdsUniqueAcrossStreams: false, exclusive: false });
} else {
  describeEventStoreContract('kurrentdb', () => Promise.reject(new Error('unreachable: the suite is skipped')), {
    skipReason:
      'KURRENTDB_CONNECTION_STRING is not set; start KurrentDB (docker compose up kurrentdb) and set it to run this suite',
  });
}
