import { migrate, type Migration, type SqlClient } from '@referral/sql';

/**
 * `projection_registry`: the active generation per projection (what readers see).
 * `projection_checkpoints`: one row per generation, live or being rebuilt, with its tables and
 * the position of the last event applied to them (NULL: none yet).
 * `projection_rebuild_requests`: one row per rebuild asked for (by any API process), claimed and
 * run by one worker (see RebuildRequestStore); at most one pending or running per projection.
 * `component_leases`: which worker runs each projection and reaction (see PostgresLeaseStore).
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
  {
    id: 'projections/002-rebuild-requests',
    sql: `CREATE TABLE IF NOT EXISTS projection_rebuild_requests (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  projection text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'running', 'finished', 'failed')),
  attempt integer NOT NULL DEFAULT 0,
  claimed_by text NULL,
  progress jsonb NULL,
  error text NULL,
  error_code text NULL,
  requested_at timestamptz NOT NULL,
  started_at timestamptz NULL,
  heartbeat_at timestamptz NULL,
  finished_at timestamptz NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS projection_rebuild_requests_open
  ON projection_rebuild_requests (projection) WHERE state IN ('pending', 'running');
CREATE INDEX IF NOT EXISTS projection_rebuild_requests_latest
  ON projection_rebuild_requests (projection, id DESC);`,
  },
  {
    id: 'projections/003-component-leases',
    sql: `CREATE TABLE IF NOT EXISTS component_leases (
  name text PRIMARY KEY,
  holder text NOT NULL,
  token bigint NOT NULL,
  expires_at timestamptz NOT NULL
);`,
  },
];

/** Idempotent; run at every start-up (ProjectionRegistry.open does). */
export async function migrateProjectionSchema(client: SqlClient): Promise<void> {
  await migrate(client, PROJECTION_MIGRATIONS);
}
