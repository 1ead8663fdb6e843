import { migrate, type Migration, type SqlClient } from '@referral/sql';

/**
 * One row per (caller, Idempotency-Key): `scope` is an HMAC of the two, `fingerprint` an HMAC of
 * method, path and body, `answer` the first answer sealed (see answer-seal.ts). No column holds a
 * key, a body or personal data in clear. `claim` is the random token of the request that holds a
 * `pending` row; `lease_until` is when a pending row whose request died may be taken over.
 * Not a projection: rebuilds never touch it; rows are purged once `expires_at` has passed.
 */
export const IDEMPOTENCY_MIGRATIONS: readonly Migration[] = [
  {
    id: 'idempotency/001-keys',
    sql: `CREATE TABLE IF NOT EXISTS idempotency_keys (
  scope text PRIMARY KEY,
  fingerprint text NOT NULL,
  claim text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'done')),
  status integer NULL,
  answer jsonb NULL,
  created_at timestamptz NOT NULL,
  lease_until timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS idempotency_keys_by_expiry ON idempotency_keys (expires_at);`,
  },
];

/** Idempotent; the API runs it at start-up, so both runtime shapes have the table. */
export async function migrateIdempotencySchema(client: SqlClient): Promise<void> {
  await migrate(client, IDEMPOTENCY_MIGRATIONS);
}
