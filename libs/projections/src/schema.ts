import { migrate, type Migration, type SqlClient } from '@referral/sql';

/**
 * `projection_registry`: the active generation per projection (what readers see).
 * `projection_checkpoints`: one row per generation, live or being rebuilt, with its tables and
 * the position of the last event applied to them (NULL: none yet).
 */
export const PROJECTION_MIGRATIONS: readonly Migration[] = [
  {
    id: 'projections/001-registry-and-checkpoints',
    sql: `CREATE TABLE IF NOT EXISTS projection_registry (
  projection text PRIMARY KEY,
  active_generation integer NOT NULL,
  version integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS projection_checkpoints (
  projection text NOT NULL,
  generation integer NOT NULL,
  version integer NOT NULL,
  tables text[] NOT NULL,
  position bigint NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (projection, generation)
);`,
  },
];

/** Idempotent; run at every start-up (ProjectionRegistry.open does). */
export async function migrateProjectionSchema(client: SqlClient): Promise<void> {
  await migrate(client, PROJECTION_MIGRATIONS);
}
