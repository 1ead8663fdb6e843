import type { SqlExecutor } from '@referral/sql';
import type { TableNames } from './projection';

/**
 * Points one view per logical name at the generation's physical table, so readers just query
 * `case_list`. Dropped and recreated (not `CREATE OR REPLACE`) because a new version may change
 * the columns; inside the caller's transaction, readers see the old or the new view, never none.
 */
export async function pointViews(tx: SqlExecutor, tables: TableNames, retiredLogical: readonly string[] = []): Promise<void> {
  for (const logical of retiredLogical) {
    if (!(logical in tables)) await tx.query(`DROP VIEW IF EXISTS ${logical}`);
  }
  for (const [logical, physical] of Object.entries(tables)) {
    await tx.query(`DROP VIEW IF EXISTS ${logical}`);
    await tx.query(`CREATE VIEW ${logical} AS SELECT * FROM ${physical}`);
  }
}

export async function dropTables(tx: SqlExecutor, physical: readonly string[]): Promise<void> {
  for (const table of physical) await tx.query(`DROP TABLE IF EXISTS ${table}`);
}
