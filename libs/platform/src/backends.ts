import IORedis, { type Redis } from 'ioredis';
import type { Config } from '@referral/config';
import {
  KurrentDbEventStore,
  PostgresEventStore,
  openEmbeddedEventStore,
  type EventStore,
} from '@referral/event-store';
import { PgSqlClient, type SqlClient } from '@referral/sql';
import { SealingEventStore, openVault, type PersonalDataVault } from '@referral/personal-data';
import { resolvePiiMasterKey } from './pii-master-key';

/** The outside components the service talks to, opened once per process. */
export interface Backends {
  /** Seals the personal data of every event it appends (see libs/personal-data). */
  eventStore: EventStore;
  /** The per-person keys, in the read-model database. */
  vault: PersonalDataVault;
  readModels: SqlClient;
  redis: Redis;
  close(): Promise<void>;
}

/**
 * Opens the shape the configuration asks for. Embedded: one PGlite database under DATA_DIR holds
 * the event store and the read models. Scaled: a PostgreSQL server holds the read models, and the
 * events too unless KurrentDB does.
 */
export async function openBackends(config: Config): Promise<Backends> {
  const redis = openRedis(config.redisUrl);
  try {
    const stores = await openStores(config);
    const { vault } = await openVault(stores.readModels, {
      masterKey: resolvePiiMasterKey(config).key,
      previousMasterKeys: config.piiPreviousMasterKeys,
    }).catch(async (error: unknown) => {
      await stores.close();
      throw error;
    });
    return {
      ...stores,
      eventStore: new SealingEventStore(stores.eventStore, vault),
      vault,
      redis,
      async close() {
        await stores.close();
        redis.disconnect();
      },
    };
  } catch (error) {
    redis.disconnect();
    throw error;
  }
}

async function openStores(config: Config): Promise<Omit<Backends, 'redis' | 'vault'>> {
  switch (config.eventStore) {
    case 'embedded': {
      const embedded = await openEmbeddedEventStore(config.dataDir);
      return { eventStore: embedded.store, readModels: embedded.sql, close: () => embedded.close() };
    }
    case 'postgres': {
      const readModels = new PgSqlClient({ connectionString: requireValue(config.databaseUrl) });
      const eventStore = await PostgresEventStore.create(readModels);
      return { eventStore, readModels, close: () => closeAll(eventStore, readModels) };
    }
    case 'kurrentdb': {
      const readModels = new PgSqlClient({ connectionString: requireValue(config.databaseUrl) });
      const eventStore = KurrentDbEventStore.connect(requireValue(config.kurrentDbConnectionString));
      return { eventStore, readModels, close: () => closeAll(eventStore, readModels) };
    }
  }
}

/** BullMQ needs `maxRetriesPerRequest: null`; the connection retries on its own when Redis is away. */
export function openRedis(url: string): Redis {
  const redis = new IORedis(url, { maxRetriesPerRequest: null, lazyConnect: false });
  redis.on('error', () => undefined);
  return redis;
}

async function closeAll(...closables: Array<{ close(): Promise<void> }>): Promise<void> {
  for (const closable of closables) await closable.close();
}

function requireValue<T>(value: T | null): T {
  if (value === null) throw new Error('configuration was validated; this value is required');
  return value;
}
