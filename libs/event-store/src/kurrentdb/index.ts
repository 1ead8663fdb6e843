export { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb-event-store';
export { UnsupportedTransactionPositionError } from './positions';
