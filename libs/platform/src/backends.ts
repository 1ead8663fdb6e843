import IORedis, { type Redis } from 'ioredis';
import type { Config } from '@referral/config';
import {
  KurrentDbEventStore,
  PostgresEventStore,
  SharedFeedEventStore,
  openEmbeddedEventStore,
  type EventStore,
} from '@referral/event-store';
import { PgSqlClient, type SqlClient } from '@referral/sql';
import { SealingEventStore, openVault, type PersonalDataVault } from '@referral/personal-data';
import { retryForever, type BackoffOptions, type RetryFailure } from '@referral/resilience';
import { isBackendUnavailable } from './backend-unavailable';
import { resolvePiiMasterKey } from './pii-master-key';

/** The outside components the service talks to, opened once per process. */
export interface Backends {
  /**
   * Seals the personal data of every event it appends (see libs/personal-data); all of its
   * subscriptions share one, so each batch is read from the store once per process.
   */
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
export async function openBackends(config: Config, options: OpenBackendsOptions = {}): Promise<Backends> {
  const redis = openRedis(config.redisUrl);
  try {
    const stores = await openStoresWhenReachable(config, options);
    const { vault } = await openVault(stores.readModels, {
      masterKey: resolvePiiMasterKey(config).key,
      previousMasterKeys: config.piiPreviousMasterKeys,
    }).catch(async (error: unknown) => {
      await stores.close();
      throw error;
    });
    return {
      ...stores,
      eventStore: new SharedFeedEventStore(new SealingEventStore(stores.eventStore, vault)),
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

export interface OpenBackendsOptions {
  /** Hears each start-up attempt that found a server unreachable, before waiting for the next. */
  onUnavailable?: (failure: RetryFailure) => void;
  /** Ends the waiting (the process is stopping). */
  signal?: AbortSignal;
  /** @defaultValue \{ initialMs: 500, maxMs: 30000 \} */
  backoff?: BackoffOptions;
}

/**
 * A PostgreSQL or KurrentDB server that is down at start-up is waited for, with capped backoff,
 * forever, saying so each time; any other error stops start-up at once.
 */
async function openStoresWhenReachable(config: Config, options: OpenBackendsOptions): Promise<Omit<Backends, 'redis' | 'vault'>> {
  const stores = await retryForever(() => openStores(config), {
    signal: options.signal,
    backoff: options.backoff ?? { initialMs: 500, maxMs: 30_000 },
    retryIf: isBackendUnavailable,
    onFailure: options.onUnavailable,
  });
  if (stores === undefined) throw new Error('Start-up was stopped while waiting for the event store and the read-model database');
  return stores;
}

async function openStores(config: Config): Promise<Omit<Backends, 'redis' | 'vault'>> {
  switch (config.eventStore) {
    case 'embedded': {
      const embedded = await openEmbeddedEventStore(config.dataDir);
      return { eventStore: embedded.store, readModels: embedded.sql, close: () => embedded.close() };
    }
    case 'postgres': {
      const readModels = new PgSqlClient({ connectionString: requireValue(config.databaseUrl) });
      const eventStore = await closedOnFailure(() => PostgresEventStore.create(readModels), readModels);
      return { eventStore, readModels, close: () => closeAll(eventStore, readModels) };
    }
    case 'kurrentdb': {
      const readModels = new PgSqlClient({ connectionString: requireValue(config.databaseUrl) });
      const eventStore = KurrentDbEventStore.connect(requireValue(config.kurrentDbConnectionString));
      // Both servers answer before start-up goes on (the client itself connects lazily).
      await closedOnFailure(() => Promise.all([readModels.query('SELECT 1'), eventStore.ping()]), readModels, eventStore);
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

/** Runs `open`; when it fails, closes what was opened for it before passing the error on. */
async function closedOnFailure<T>(open: () => Promise<T>, ...opened: Array<{ close(): Promise<void> }>): Promise<T> {
  try {
    return await open();
  } catch (error) {
    await closeAll(...opened).catch(() => undefined);
    throw error;
  }
}

async function closeAll(...closables: Array<{ close(): Promise<void> }>): Promise<void> {
  for (const closable of closables) await closable.close();
}

function requireValue<T>(value: T | null): T {
  if (value === null) throw new Error('configuration was validated; this value is required');
  return value;
}
