import type { SqlClient } from '@referral/sql';
import { ProjectionNotRegisteredError } from './errors';
import {
  insertGeneration,
  lockProjection,
  readActiveGeneration,
  readGenerations,
  type GenerationRow,
} from './generation-rows';
import type { ProjectionDefinition, TableNames } from './projection';
import { tableNamesFor, tableNamesFromPhysical } from './table-names';
import { migrateProjectionSchema } from './schema';
import { pointViews } from './views';

export interface ActiveGeneration extends GenerationRow {
  tableNames: TableNames;
}

export interface EnsureResult {
  generation: number;
  /** The active generation was built by another version of the projection: rebuild it. */
  stale: boolean;
}

/** Which generation of each projection serves reads, and where its tables are. */
export class ProjectionRegistry {
  private constructor(readonly db: SqlClient) {}

  /** Runs the (idempotent) migrations of the registry and checkpoint tables. */
  static async open(db: SqlClient): Promise<ProjectionRegistry> {
    await migrateProjectionSchema(db);
    return new ProjectionRegistry(db);
  }

  /**
   * Registers the projection with generation 1 (tables, views, empty checkpoint) the first time;
   * afterwards re-runs its idempotent `setup` on the active generation when the version matches.
   */
  async ensure<Table extends string>(projection: ProjectionDefinition<Table>): Promise<EnsureResult> {
    return this.db.transaction(async (tx) => {
      await lockProjection(tx, projection.name);
      const active = await readActiveGeneration(tx, projection.name);
      if (active) {
        const stale = active.version !== projection.version;
        if (!stale) await projection.setup(tx, tableNamesFor(projection, active.generation));
        return { generation: active.generation, stale };
      }
      const tables = tableNamesFor(projection, 1);
      await projection.setup(tx, tables);
      await insertGeneration(tx, projection.name, { generation: 1, version: projection.version, tables: Object.values(tables) });
      await tx.query('INSERT INTO projection_registry (projection, active_generation, version) VALUES ($1, 1, $2)', [
        projection.name,
        projection.version,
      ]);
      await pointViews(tx, tables);
      return { generation: 1, stale: false };
    });
  }

  async active(projection: string): Promise<ActiveGeneration | null> {
    const active = await readActiveGeneration(this.db, projection);
    if (!active) return null;
    const row = (await readGenerations(this.db, projection)).find((g) => g.generation === active.generation);
    return row ? { ...row, tableNames: tableNamesFromPhysical(row.tables) } : null;
  }

  /** Physical tables of the active generation, for queries that bypass the views. */
  async activeTables(projection: string): Promise<TableNames> {
    const active = await this.active(projection);
    if (!active) throw new ProjectionNotRegisteredError(projection);
    return active.tableNames;
  }

  async generations(projection: string): Promise<GenerationRow[]> {
    return readGenerations(this.db, projection);
  }
}
