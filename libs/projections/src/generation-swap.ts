import type { SqlClient } from '@referral/sql';
import { ProjectionNotRegisteredError } from './errors';
import {
  deleteGeneration,
  insertGeneration,
  lockProjection,
  readActiveGeneration,
  readGenerations,
} from './generation-rows';
import { isAtLeast, type Position } from './positions';
import type { ProjectionDefinition } from './projection';
import { logicalTableName, tableNamesFor, tableNamesFromPhysical } from './table-names';
import { dropTables, pointViews } from './views';

export interface PreparedGeneration {
  generation: number;
  /** Where a rebuild interrupted earlier left off; `null` when starting from zero. */
  position: Position;
  active: number;
}

/**
 * The generation a rebuild fills: an unfinished one of the same version is resumed; any other
 * inactive generation is dropped, and a fresh one is created above all of them.
 */
export async function prepareRebuildGeneration<Table extends string>(
  db: SqlClient,
  projection: ProjectionDefinition<Table>,
): Promise<PreparedGeneration> {
  return db.transaction(async (tx) => {
    await lockProjection(tx, projection.name);
    const active = await readActiveGeneration(tx, projection.name);
    if (!active) throw new ProjectionNotRegisteredError(projection.name);
    const all = await readGenerations(tx, projection.name);
    const highest = Math.max(...all.map((g) => g.generation));
    const leftover = all.find((g) => g.generation === highest && g.generation > active.generation);
    const resume =
      leftover?.version === projection.version &&
      sameTables(leftover.tables, Object.values(tableNamesFor(projection, leftover.generation)));
    for (const row of all) {
      if (row.generation === active.generation || (resume && row === leftover)) continue;
      await dropTables(tx, row.tables);
      await deleteGeneration(tx, projection.name, row.generation);
    }
    if (resume && leftover) return { generation: leftover.generation, position: leftover.position, active: active.generation };
    const generation = highest + 1;
    const tables = tableNamesFor(projection, generation);
    await projection.setup(tx, tables);
    await insertGeneration(tx, projection.name, { generation, version: projection.version, tables: Object.values(tables) });
    return { generation, position: null, active: active.generation };
  });
}

export type SwapResult =
  | { swapped: true; previous: number }
  | { swapped: false; livePosition: Position; position: Position };

/**
 * Makes `generation` the active one, registry row and views in one transaction, but only if it
 * has come at least as far as the live generation, so no reader ever sees the model go back.
 * Holding the registry row exclusively stops every runner's commit until the swap is decided.
 */
export async function swapToGeneration(db: SqlClient, projection: ProjectionDefinition, generation: number): Promise<SwapResult> {
  return db.transaction(async (tx) => {
    const active = await readActiveGeneration(tx, projection.name, 'FOR UPDATE');
    if (!active) throw new ProjectionNotRegisteredError(projection.name);
    if (active.generation === generation) return { swapped: true, previous: generation };
    const all = await readGenerations(tx, projection.name);
    const live = all.find((g) => g.generation === active.generation);
    const next = all.find((g) => g.generation === generation);
    if (!live || !next) throw new Error(`Projection ${projection.name} lacks generation ${generation}`);
    if (!isAtLeast(next.position, live.position)) {
      return { swapped: false, livePosition: live.position, position: next.position };
    }
    await tx.query(
      'UPDATE projection_registry SET active_generation = $2, version = $3, updated_at = now() WHERE projection = $1',
      [projection.name, generation, next.version],
    );
    await pointViews(tx, tableNamesFromPhysical(next.tables), live.tables.map(logicalTableName));
    return { swapped: true, previous: active.generation };
  });
}

/** Drops an inactive generation's tables and checkpoint. Refuses the active one. */
export async function dropGeneration(db: SqlClient, projection: string, generation: number): Promise<void> {
  await db.transaction(async (tx) => {
    await lockProjection(tx, projection);
    const active = await readActiveGeneration(tx, projection);
    if (active?.generation === generation) throw new Error(`Generation ${generation} of ${projection} is active`);
    const row = (await readGenerations(tx, projection)).find((g) => g.generation === generation);
    if (!row) return;
    await dropTables(tx, row.tables);
    await deleteGeneration(tx, projection, generation);
  });
}

function sameTables(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}
