import type { SqlClient } from './sql-client';

/** One schema change. `id` is stable forever; `sql` must be safe to run once. */
export interface Migration {
  id: string;
  sql: string;
}

/**
 * Applies the migrations not applied yet, in order, each in its own transaction together with
 * its record in `schema_migrations`. Safe to run at every start-up and from several processes at
 * once (an advisory lock serialises them).
 */
export async function migrate(client: SqlClient, migrations: readonly Migration[]): Promise<string[]> {
  await client.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       id text PRIMARY KEY,
       applied_at timestamptz NOT NULL DEFAULT now()
     )`,
  );
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await client.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['schema_migrations']);
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE id = $1', [migration.id]);
      if (seen.rowCount > 0) return false;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
      return true;
    });
    if (done) applied.push(migration.id);
  }
  return applied;
}

/**
 * Splits on `;` at line ends outside dollar-quoted bodies, because a parameterless extended query
 * takes one statement at a time.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollar = false;
  for (const line of sql.split('\n')) {
    const dollars = line.match(/\$\$/g)?.length ?? 0;
    if (dollars % 2 === 1) inDollar = !inDollar;
    current += line + '\n';
    if (!inDollar && /;\s*$/.test(line)) {
      statements.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements.filter((s) => s.replace(/;$/, '').trim().length > 0);
}
