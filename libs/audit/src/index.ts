export * from './audit-record';
export * from './audit-log';
export * from './audit-cursor';
export { GENESIS_HASH, canonicalJson, chainHash } from './audit-chain';
export { AUDIT_MIGRATIONS, migrateAuditSchema } from './audit-schema';
export { SqlAuditLog } from './sql-audit-log';
