import type { SqlClient } from '@referral/sql';
import { quoteIdent } from '@referral/sql';
import { logicalTableName } from '@referral/projections';
import { eventually } from '../support/eventually';
import type { Finding } from './oracle';

type Snapshot = Map<string, string[]>;

/**
 * "Read models equal a fresh rebuild": with the store quiet, every projection's active tables
 * are read, every projection is rebuilt from position zero through the service itself (the
 * admin API; a worker runs it), and the new tables must hold exactly the same rows. Differences
 * are reported by table and count, never by content (rows may hold sealed personal data).
 */
export async function compareWithRebuild(
  db: SqlClient,
  api: () => string,
  admin: Record<string, string>,
): Promise<{ findings: Finding[]; projections: number; rows: number }> {
  const names = ((await json(`${api()}/admin/projections`, admin)) as Array<{ name: string }>).map((p) => p.name);
  const head = await headPosition(db);
  await atHead(db, head);
  const before = await snapshot(db);
  for (const name of names) await json(`${api()}/admin/projections/${name}/rebuild`, admin, 'POST');
  await eventually(async () => {
    for (const name of names) {
      const state = (await json(`${api()}/admin/projections/${name}`, admin)) as { state: string; error?: string };
      if (state.state === 'failed') throw new Error(`the rebuild of ${name} failed: ${state.error}`);
      if (state.state !== 'finished') return false;
    }
    return true;
  }, { what: 'every rebuild to finish', timeoutMs: 120_000, everyMs: 500 });
  await atHead(db, head);
  if ((await headPosition(db)) !== head) throw new Error('the store changed while the read models were compared; the load had not settled');
  const after = await snapshot(db);

  const findings: Finding[] = [];
  let rows = 0;
  for (const [table, live] of before) {
    const rebuilt = after.get(table);
    rows += live.length;
    if (!rebuilt) {
      findings.push({ check: 'read-model-table', id: table, detail: 'no table after the rebuild' });
      continue;
    }
    const { onlyLive, onlyRebuilt } = multisetDifference(live, rebuilt);
    if (onlyLive + onlyRebuilt > 0) {
      findings.push({ check: 'read-model-rows', id: table, detail: `${onlyLive} rows only in the live read model, ${onlyRebuilt} only in the rebuilt one (of ${live.length})` });
    }
  }
  return { findings, projections: names.length, rows };
}

async function headPosition(db: SqlClient): Promise<string> {
  return (await db.query<{ head: string | null }>('SELECT max(position)::text AS head FROM es_events')).rows[0]?.head ?? '0';
}

async function atHead(db: SqlClient, head: string): Promise<void> {
  await eventually(async () => {
    const { rows } = await db.query<{ behind: number }>(
      `SELECT count(*)::int AS behind FROM projection_registry r
         JOIN projection_checkpoints c ON c.projection = r.projection AND c.generation = r.active_generation
        WHERE coalesce(c.position, 0) < $1::bigint`, [head]);
    return rows[0]!.behind === 0;
  }, { what: 'every projection at the head of the store', timeoutMs: 60_000, everyMs: 250 });
}

/** Each active table's rows as canonical JSON (keys sorted), keyed by logical name. */
async function snapshot(db: SqlClient): Promise<Snapshot> {
  const { rows } = await db.query<{ tables: string[] }>(
    `SELECT c.tables FROM projection_registry r
       JOIN projection_checkpoints c ON c.projection = r.projection AND c.generation = r.active_generation`);
  const tables: Snapshot = new Map();
  for (const physical of rows.flatMap((r) => r.tables)) {
    const content = await db.query<Record<string, unknown>>(`SELECT * FROM ${quoteIdent(physical)}`);
    tables.set(logicalTableName(physical), content.rows.map(canonical).sort());
  }
  return tables;
}

function canonical(row: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(row).sort().map((key) => [key, row[key] instanceof Date ? (row[key] as Date).toISOString() : row[key]]));
}

function multisetDifference(a: string[], b: string[]): { onlyLive: number; onlyRebuilt: number } {
  const counts = new Map<string, number>();
  for (const row of a) counts.set(row, (counts.get(row) ?? 0) + 1);
  for (const row of b) counts.set(row, (counts.get(row) ?? 0) - 1);
  let onlyLive = 0;
  let onlyRebuilt = 0;
  for (const n of counts.values()) {
    if (n > 0) onlyLive += n;
    else onlyRebuilt -= n;
  }
  return { onlyLive, onlyRebuilt };
}

async function json(url: string, headers: Record<string, string>, method = 'GET'): Promise<unknown> {
  const response = await fetch(url, { method, headers });
  const body = await response.json();
  if (!response.ok) throw new Error(`${method} ${url.replace(/^http:\/\/[^/]+/, '')} answered ${response.status}`);
  return body;
}
