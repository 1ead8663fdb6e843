import type { SqlExecutor } from '@referral/sql';
import { SqlParams } from '../sql-params';
import { toCount } from '../sql-values';

export interface RefusalCountFilter {
  /** First Stockholm day counted, `YYYY-MM-DD`, inclusive. */
  from?: string;
  /** Last Stockholm day counted, inclusive. */
  to?: string;
  /** Only refusals that would have gone to these orgs (or `triage`); default all. */
  orgs?: readonly string[] | 'all';
}

export interface RefusedHandoverCounts {
  total: number;
  /** Per org the handover would have gone to (an org id or `triage`); orgs with none left out. */
  byOrg: Record<string, number>;
}

export async function countRefusedHandovers(db: SqlExecutor, filter: RefusalCountFilter = {}): Promise<RefusedHandoverCounts> {
  const params = new SqlParams();
  const conditions: string[] = [];
  if (filter.from) conditions.push(`day >= ${params.add(filter.from, 'date')}`);
  if (filter.to) conditions.push(`day <= ${params.add(filter.to, 'date')}`);
  if (filter.orgs && filter.orgs !== 'all') conditions.push(`org = ANY(${params.add([...filter.orgs], 'text[]')})`);
  const { rows } = await db.query<{ org: string; refused: unknown }>(
    `SELECT org, SUM(refused) AS refused FROM handover_refusals
     ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} GROUP BY org ORDER BY org`,
    params.values,
  );
  const byOrg = Object.fromEntries(rows.map((row) => [row.org, toCount(row.refused)]));
  return { total: Object.values(byOrg).reduce((sum, n) => sum + n, 0), byOrg };
}
