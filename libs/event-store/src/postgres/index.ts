export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export { APPEND_SQL, appendParams, executeAppend } from './append-call';
export { eventStoreMigrations } from './schema';
export type { SubscriptionTiming } from '../polling/polling-subscription';
