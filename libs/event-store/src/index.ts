export * from './event-store.port';
export * from './errors';
export * from './stream-appends';
export * from './store-identity';
export * from './postgres';
export * from './kurrentdb';
export * from './embedded';
export * from './upcasting';
