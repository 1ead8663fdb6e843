import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PgliteSqlClient } from '@referral/sql';
import { PostgresEventStore, type PostgresEventStoreOptions } from '../postgres';
import { acquireDataDirLock } from './data-dir-lock';

export interface EmbeddedEventStore {
  store: PostgresEventStore;
  /** The same PGlite database, for read models that live beside the events. */
  sql: PgliteSqlClient;
  /** Closes the store and the database, then releases the data directory. */
  close(): Promise<void>;
}

/**
 * Opens the event store in PGlite under `<dataDir>/pgdata`, for the one-process shape.
 * @throws StoreLockedError when another running process has the directory open.
 */
export async function openEmbeddedEventStore(
  dataDir: string,
  options: PostgresEventStoreOptions = {},
): Promise<EmbeddedEventStore> {
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataDirLock(dataDir);
  let sql: PgliteSqlClient | undefined;
  try {
    sql = await PgliteSqlClient.open(join(dataDir, 'pgdata'));
    const store = await PostgresEventStore.create(sql, { ...options, closeClient: false });
    const opened = sql;
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        try {
          await store.close();
          await opened.close();
        } finally {
          lock.release();
        }
      })());
    return { store, sql, close };
  } catch (error) {
    await sql?.close().catch(() => undefined);
    lock.release();
    throw error;
  }
}
