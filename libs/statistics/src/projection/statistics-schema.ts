import type { TableNames } from '@referral/projections';
import type { SqlExecutor } from '@referral/sql';

export const STATISTICS_TABLES = ['stats_counts', 'stats_cases', 'stats_volunteers'] as const;
export type StatisticsTable = (typeof STATISTICS_TABLES)[number];

/**
 * - `stats_counts`: the aggregates a report sums, per Stockholm day, org, figure and key; the
 *   primary key leads with the day so a period is one index range.
 * - `stats_cases`: per case, only what counting needs (no personal data): holder, day received,
 *   gender key, category, flags, and the SLA facts. Never read by the report.
 * - `stats_volunteers`: per volunteer, org, gender key and active days (no name, no user id).
 */
export async function setupStatisticsTables(tx: SqlExecutor, tables: TableNames<StatisticsTable>): Promise<void> {
  await tx.query(`CREATE TABLE IF NOT EXISTS ${tables.stats_counts} (
    day date NOT NULL,
    org text COLLATE "C" NOT NULL,
    figure text COLLATE "C" NOT NULL,
    key text COLLATE "C" NOT NULL,
    n integer NOT NULL,
    PRIMARY KEY (day, org, figure, key)
  )`);
  await tx.query(`CREATE TABLE IF NOT EXISTS ${tables.stats_cases} (
    case_id text COLLATE "C" PRIMARY KEY,
    org text NOT NULL,
    received_day date NOT NULL,
    gender_key text NOT NULL,
    category text NOT NULL,
    flags text[] NOT NULL,
    via_link boolean NOT NULL,
    first_contact_due timestamptz,
    first_contact_at timestamptz,
    first_contact_missed boolean NOT NULL,
    reach_due timestamptz,
    reached_by_due boolean NOT NULL,
    phone_by_due integer NOT NULL,
    evening_by_due integer NOT NULL,
    phone_required integer NOT NULL,
    evening_required integer NOT NULL,
    reach_missed boolean NOT NULL
  )`);
  await tx.query(`CREATE TABLE IF NOT EXISTS ${tables.stats_volunteers} (
    volunteer_id text COLLATE "C" PRIMARY KEY,
    org text NOT NULL,
    gender_key text NOT NULL,
    active_from date NOT NULL,
    active_until date
  )`);
  await tx.query(`CREATE INDEX IF NOT EXISTS ${tables.stats_volunteers}_by_org ON ${tables.stats_volunteers} (org, active_from)`);
}
