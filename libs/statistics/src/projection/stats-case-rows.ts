import type { TableNames } from '@referral/projections';
import type { SqlExecutor } from '@referral/sql';
import type { Count } from './contributions';
import type { StatisticsTable } from './statistics-schema';
import type { StatsCase } from './stats-case';
import type { StatsVolunteer } from './stats-volunteer';

const COLUMNS = `case_id, org, received_day::text AS received_day, gender_key, category, flags, via_link,
  first_contact_due, first_contact_at, first_contact_missed, reach_due, reached_by_due, phone_by_due,
  evening_by_due, phone_required, evening_required, reach_missed`;

const instantOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : new Date(value as string | Date).toISOString();

const dayOf = (value: unknown): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);

function statsCaseOf(row: Record<string, unknown>): StatsCase {
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

/** The stored cases among `caseIds`, in one query, by case id. */
export async function loadStatsCases(
  tx: SqlExecutor,
  tables: TableNames<StatisticsTable>,
  caseIds: readonly string[],
): Promise<Map<string, StatsCase>> {
  const loaded = new Map<string, StatsCase>();
  if (caseIds.length === 0) return loaded;
  const { rows } = await tx.query<Record<string, unknown>>(`SELECT ${COLUMNS} FROM ${tables.stats_cases} WHERE case_id = ANY($1::text[])`, [
    [...caseIds],
  ]);
  for (const row of rows) {
    const record = statsCaseOf(row);
    loaded.set(record.caseId, record);
  }
  return loaded;
}

/**
 * Upserts the cases in one statement (case ids must be distinct). What a case was received with
 * (day, gender key, category, flags, link) never changes, so an update leaves it as stored.
 */
export async function saveStatsCases(tx: SqlExecutor, tables: TableNames<StatisticsTable>, cases: readonly StatsCase[]): Promise<void> {
  if (cases.length === 0) return;
  const rows = cases.map((c) => ({
    case_id: c.caseId, org: c.org, received_day: c.receivedDay, gender_key: c.genderKey, category: c.category, flags: [...c.flags],
    via_link: c.viaLink, first_contact_due: c.firstContactDue, first_contact_at: c.firstContactAt, first_contact_missed: c.firstContactMissed,
    reach_due: c.reachDue, reached_by_due: c.reachedByDue, phone_by_due: c.phoneByDue, evening_by_due: c.eveningByDue,
    phone_required: c.phoneRequired, evening_required: c.eveningRequired, reach_missed: c.reachMissed,
  }));
  await tx.query(
    `INSERT INTO ${tables.stats_cases} (case_id, org, received_day, gender_key, category, flags, via_link,
       first_contact_due, first_contact_at, first_contact_missed, reach_due, reached_by_due, phone_by_due,
       evening_by_due, phone_required, evening_required, reach_missed)
     SELECT case_id, org, received_day, gender_key, category, flags, via_link,
       first_contact_due, first_contact_at, first_contact_missed, reach_due, reached_by_due, phone_by_due,
       evening_by_due, phone_required, evening_required, reach_missed
       FROM jsonb_to_recordset($1::jsonb) AS r(case_id text, org text, received_day date, gender_key text, category text,
         flags text[], via_link boolean, first_contact_due timestamptz, first_contact_at timestamptz, first_contact_missed boolean,
         reach_due timestamptz, reached_by_due boolean, phone_by_due integer, evening_by_due integer, phone_required integer,
         evening_required integer, reach_missed boolean)
     ON CONFLICT (case_id) DO UPDATE SET org = EXCLUDED.org, first_contact_due = EXCLUDED.first_contact_due,
       first_contact_at = EXCLUDED.first_contact_at, first_contact_missed = EXCLUDED.first_contact_missed,
       reach_due = EXCLUDED.reach_due, reached_by_due = EXCLUDED.reached_by_due, phone_by_due = EXCLUDED.phone_by_due,
       evening_by_due = EXCLUDED.evening_by_due, phone_required = EXCLUDED.phone_required,
       evening_required = EXCLUDED.evening_required, reach_missed = EXCLUDED.reach_missed`,
    [JSON.stringify(rows)],
  );
}

/** The stored volunteers among `volunteerIds`, in one query, by volunteer id. */
export async function loadStatsVolunteers(
  tx: SqlExecutor,
  tables: TableNames<StatisticsTable>,
  volunteerIds: readonly string[],
): Promise<Map<string, StatsVolunteer>> {
  const loaded = new Map<string, StatsVolunteer>();
  if (volunteerIds.length === 0) return loaded;
  const { rows } = await tx.query<Record<string, unknown>>(
    `SELECT volunteer_id, org, gender_key, active_from::text AS active_from, active_until::text AS active_until
       FROM ${tables.stats_volunteers} WHERE volunteer_id = ANY($1::text[])`,
    [[...volunteerIds]],
  );
  for (const row of rows) {
    loaded.set(String(row.volunteer_id), {
      volunteerId: String(row.volunteer_id),
      org: String(row.org),
      genderKey: String(row.gender_key),
      activeFrom: dayOf(row.active_from),
      activeUntil: row.active_until === null || row.active_until === undefined ? null : dayOf(row.active_until),
    });
  }
  return loaded;
}

/** Upserts the volunteers in one statement (ids must be distinct); only the last active day ever changes. */
export async function saveStatsVolunteers(
  tx: SqlExecutor,
  tables: TableNames<StatisticsTable>,
  volunteers: readonly StatsVolunteer[],
): Promise<void> {
  if (volunteers.length === 0) return;
  const rows = volunteers.map((v) => ({
    volunteer_id: v.volunteerId, org: v.org, gender_key: v.genderKey, active_from: v.activeFrom, active_until: v.activeUntil,
  }));
  await tx.query(
    `INSERT INTO ${tables.stats_volunteers} (volunteer_id, org, gender_key, active_from, active_until)
     SELECT volunteer_id, org, gender_key, active_from, active_until
       FROM jsonb_to_recordset($1::jsonb) AS r(volunteer_id text, org text, gender_key text, active_from date, active_until date)
     ON CONFLICT (volunteer_id) DO UPDATE SET active_until = EXCLUDED.active_until`,
    [JSON.stringify(rows)],
  );
}

/** Adds the changes to `stats_counts` in one statement (keys must be distinct). */
export async function addCounts(tx: SqlExecutor, tables: TableNames<StatisticsTable>, counts: readonly Count[]): Promise<void> {
  if (counts.length === 0) return;
  await tx.query(
    `INSERT INTO ${tables.stats_counts} AS c (day, org, figure, key, n)
     SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::int[])
     ON CONFLICT (day, org, figure, key) DO UPDATE SET n = c.n + EXCLUDED.n`,
    [counts.map((c) => c.day), counts.map((c) => c.org), counts.map((c) => c.figure), counts.map((c) => c.key), counts.map((c) => c.n)],
  );
}
