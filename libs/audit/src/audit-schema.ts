import { migrate, type Migration, type SqlClient } from '@referral/sql';

/**
 * `audit_log` lives in the read-model database but is not a projection: nothing rebuilds or
 * drops it (projection rebuilds drop only their own `<table>__g<n>` generations). The database
 * refuses UPDATE, DELETE and TRUNCATE on it, statement-level so even a change that matches no
 * row is refused; each row also carries a hash chain, so a change made around the triggers
 * (by the table owner or a superuser disabling them) is found by `verify()`.
 * `content` is the entry's canonical JSON, exactly what was hashed; the other columns are copies
 * for lookups and are checked against it.
 */
export const AUDIT_MIGRATIONS: readonly Migration[] = [
  {
    id: 'audit/001-append-only-log',
    sql: `CREATE TABLE IF NOT EXISTS audit_log (
  seq bigint PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  at timestamptz NOT NULL,
  case_id text NULL,
  content text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_by_case ON audit_log (case_id, seq);
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();`,
  },
];

/** Idempotent; the API runs it at start-up, so both runtime shapes have the table. */
export async function migrateAuditSchema(client: SqlClient): Promise<void> {
  await migrate(client, AUDIT_MIGRATIONS);
}
