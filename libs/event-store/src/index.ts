export * from './event-store.port';
export * from './errors';
export * from './postgres';
export * from './kurrentdb';
export * from './embedded';
export * from './upcasting';
