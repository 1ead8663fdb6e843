import type { SqlExecutor } from '@referral/sql';
import { positionFromRow, type Position } from './positions';

/** One generation of a projection as stored in `projection_checkpoints`. */
export interface GenerationRow {
  generation: number;
  version: number;
  tables: string[];
  position: Position;
}

interface RawGenerationRow {
  generation: number;
  version: number;
  tables: string[];
  position: unknown;
}

export async function readGenerations(tx: SqlExecutor, projection: string): Promise<GenerationRow[]> {
  const { rows } = await tx.query<RawGenerationRow>(
    `SELECT generation, version, tables, position FROM projection_checkpoints
      WHERE projection = $1 ORDER BY generation`,
    [projection],
  );
  return rows.map((row) => ({ ...row, position: positionFromRow(row.position) }));
}

export async function insertGeneration(tx: SqlExecutor, projection: string, row: Omit<GenerationRow, 'position'>): Promise<void> {
  await tx.query(
    `INSERT INTO projection_checkpoints (projection, generation, version, tables, position)
     VALUES ($1, $2, $3, $4, NULL)`,
    [projection, row.generation, row.version, row.tables],
  );
}

export async function deleteGeneration(tx: SqlExecutor, projection: string, generation: number): Promise<void> {
  await tx.query('DELETE FROM projection_checkpoints WHERE projection = $1 AND generation = $2', [projection, generation]);
}

/** Serialises registry changes of one projection across processes (start-ups, rebuilds). */
export async function lockProjection(tx: SqlExecutor, projection: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`projection:${projection}`]);
}

/** The active generation, locked against a swap for the rest of the transaction. */
export async function readActiveGeneration(
  tx: SqlExecutor,
  projection: string,
  lock: 'FOR SHARE' | 'FOR UPDATE' | '' = '',
): Promise<{ generation: number; version: number } | null> {
  const { rows } = await tx.query<{ active_generation: number; version: number }>(
    `SELECT active_generation, version FROM projection_registry WHERE projection = $1 ${lock}`,
    [projection],
  );
  return rows[0] ? { generation: rows[0].active_generation, version: rows[0].version } : null;
}
