import { PostgresEventStore, STORE_IDENTITY_STREAM, readOrAssignStoreIdentity } from '@referral/event-store';
import { freshPglite, type TestDatabase } from '../../../test/support/databases';

describe('the store identity (PGlite)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeEach(async () => {
    db = await freshPglite();
    store = await PostgresEventStore.create(db.client);
  });
  afterEach(() => db.dispose());

  it('is assigned once, by one of several processes starting at once, and read back ever after', async () => {
    const answers = await Promise.all(['a', 'b', 'c', 'd'].map((candidate) => readOrAssignStoreIdentity(store, `store-${candidate}`)));
    expect(new Set(answers).size).toBe(1);
    const reopened = await PostgresEventStore.create(db.client);
    expect(await readOrAssignStoreIdentity(reopened, 'store-z')).toBe(answers[0]);
    const events = await store.readStream(STORE_IDENTITY_STREAM);
    expect(events).toEqual([expect.objectContaining({ type: 'StoreIdentityAssigned', data: { storeId: answers[0] } })]);
  });

  it('refuses a store-identity stream that begins with anything else', async () => {
    await store.appendToStream(STORE_IDENTITY_STREAM, [{ id: '00000000-0000-4000-8000-000000000001', type: 'Other', data: {}, metadata: { schemaVersion: 1 } }]);
    await expect(readOrAssignStoreIdentity(store)).rejects.toThrow(/StoreIdentityAssigned/);
  });
});
