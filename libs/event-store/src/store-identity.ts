import { randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError } from './errors';
import type { EventStore } from './event-store.port';

/** The stream that names the store; its first event is the one and only `StoreIdentityAssigned`. */
export const STORE_IDENTITY_STREAM = 'store-identity';

/**
 * The store's own id, kept in the store itself: read back when it exists, else assigned now
 * ("no stream" expected, so of several processes starting at once one assigns and the others read
 * it). Things outside the store that must never mix two stores (a Redis queue) are named by it.
 */
export async function readOrAssignStoreIdentity(store: EventStore, candidate: string = randomUUID()): Promise<string> {
  const existing = await readStoreIdentity(store);
  if (existing) return existing;
  try {
    await store.appendToStream(
      STORE_IDENTITY_STREAM,
      [{ id: randomUUID(), type: 'StoreIdentityAssigned', data: { storeId: candidate }, metadata: { schemaVersion: 1 } }],
      { expectedRevision: 'no-stream' },
    );
    return candidate;
  } catch (error) {
    if (!(error instanceof WrongExpectedRevisionError)) throw error;
    const assigned = await readStoreIdentity(store);
    if (!assigned) throw error;
    return assigned;
  }
}

async function readStoreIdentity(store: EventStore): Promise<string | null> {
  const [first] = await store.readStream(STORE_IDENTITY_STREAM, { maxCount: 1 });
  if (!first) return null;
  const storeId = first.data.storeId;
  if (first.type !== 'StoreIdentityAssigned' || typeof storeId !== 'string') {
    throw new Error(`The ${STORE_IDENTITY_STREAM} stream does not begin with StoreIdentityAssigned`);
  }
  return storeId;
}
