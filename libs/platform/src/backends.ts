import IORedis, { type Redis } from 'ioredis';
import type { Config } from '@referral/config';
import {
  KurrentDbEventStore,
  PostgresEventStore,
  openEmbeddedEventStore,
  type EventStore,
} from '@referral/event-store';
import { PgSqlClient, type SqlClient } from '@referral/sql';

/** The outside components the service talks to, opened once per process. */
export interface Backends {
  eventStore: EventStore;
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
    return {
      ...stores,
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

async function openStores(config: Config): Promise<Omit<Backends, 'redis'>> {
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
