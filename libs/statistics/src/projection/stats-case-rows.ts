import type { TableNames } from '@referral/projections';
import type { SqlExecutor } from '@referral/sql';
import type { Count } from './contributions';
import type { StatisticsTable } from './statistics-schema';
import type { StatsCase } from './stats-case';

const COLUMNS = `case_id, org, received_day::text AS received_day, gender_key, category, flags, via_link,
  first_contact_due, first_contact_at, first_contact_missed, reach_due, reached_by_due, phone_by_due,
  evening_by_due, phone_required, evening_required, reach_missed`;

const instantOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : new Date(value as string | Date).toISOString();

const dayOf = (value: unknown): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);

export async function loadStatsCase(tx: SqlExecutor, tables: TableNames<StatisticsTable>, caseId: string): Promise<StatsCase | null> {
  const { rows } = await tx.query<Record<string, unknown>>(`SELECT ${COLUMNS} FROM ${tables.stats_cases} WHERE case_id = $1`, [caseId]);
  const row = rows[0];
  if (!row) return null;
  return {
    caseId: String(row.case_id),
    org: String(row.org),
    receivedDay: dayOf(row.received_day),
    genderKey: String(row.gender_key),
    category: String(row.category),
    flags: (row.flags as string[]) ?? [],
    viaLink: Boolean(row.via_link),
    firstContactDue: instantOrNull(row.first_contact_due),
    firstContactAt: instantOrNull(row.first_contact_at),
    firstContactMissed: Boolean(row.first_contact_missed),
    reachDue: instantOrNull(row.reach_due),
    reachedByDue: Boolean(row.reached_by_due),
    phoneByDue: Number(row.phone_by_due),
    eveningByDue: Number(row.evening_by_due),
    phoneRequired: Number(row.phone_required),
    eveningRequired: Number(row.evening_required),
    reachMissed: Boolean(row.reach_missed),
  };
}

export async function saveStatsCase(tx: SqlExecutor, tables: TableNames<StatisticsTable>, c: StatsCase): Promise<void> {
  await tx.query(
    `INSERT INTO ${tables.stats_cases} (case_id, org, received_day, gender_key, category, flags, via_link,
       first_contact_due, first_contact_at, first_contact_missed, reach_due, reached_by_due, phone_by_due,
       evening_by_due, phone_required, evening_required, reach_missed)
     VALUES ($1, $2, $3::date, $4, $5, $6::text[], $7, $8::timestamptz, $9::timestamptz, $10, $11::timestamptz, $12, $13, $14, $15, $16, $17)
     ON CONFLICT (case_id) DO UPDATE SET org = EXCLUDED.org, first_contact_due = EXCLUDED.first_contact_due,
       first_contact_at = EXCLUDED.first_contact_at, first_contact_missed = EXCLUDED.first_contact_missed,
       reach_due = EXCLUDED.reach_due, reached_by_due = EXCLUDED.reached_by_due, phone_by_due = EXCLUDED.phone_by_due,
       evening_by_due = EXCLUDED.evening_by_due, phone_required = EXCLUDED.phone_required,
       evening_required = EXCLUDED.evening_required, reach_missed = EXCLUDED.reach_missed`,
    [
      c.caseId, c.org, c.receivedDay, c.genderKey, c.category, [...c.flags], c.viaLink, c.firstContactDue, c.firstContactAt,
      c.firstContactMissed, c.reachDue, c.reachedByDue, c.phoneByDue, c.eveningByDue, c.phoneRequired, c.eveningRequired, c.reachMissed,
    ],
  );
}

/** Adds the changes to `stats_counts` in one statement (keys are distinct: see `countChanges`). */
export async function addCounts(tx: SqlExecutor, tables: TableNames<StatisticsTable>, counts: readonly Count[]): Promise<void> {
  if (counts.length === 0) return;
  await tx.query(
    `INSERT INTO ${tables.stats_counts} AS c (day, org, figure, key, n)
     SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::int[])
     ON CONFLICT (day, org, figure, key) DO UPDATE SET n = c.n + EXCLUDED.n`,
    [counts.map((c) => c.day), counts.map((c) => c.org), counts.map((c) => c.figure), counts.map((c) => c.key), counts.map((c) => c.n)],
  );
}
