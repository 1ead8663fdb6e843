export * from './sql-client';
export * from './pg-sql-client';
export * from './pglite-sql-client';
export * from './migrations';
export * from './pg-listener';
