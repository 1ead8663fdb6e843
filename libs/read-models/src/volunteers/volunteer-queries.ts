import type { SqlExecutor } from '@referral/sql';

/** A volunteer as the API shows them. Dates are `YYYY-MM-DD` (Stockholm). */
export interface Volunteer {
  volunteerId: string;
  org: string;
  userId: string;
  displayName: string;
  gender: string;
  genderLabel?: string;
  activeFrom: string;
  /** The last active day, or `null` while active. */
  activeUntil: string | null;
}

// Dates as text: a driver turning `date` into a JS Date would shift it by the process's zone.
const VOLUNTEER_COLUMNS = `volunteer_id, org, user_id, display_name, gender, gender_label,
  to_char(active_from, 'YYYY-MM-DD') AS active_from, to_char(active_until, 'YYYY-MM-DD') AS active_until`;

interface VolunteerRow {
  volunteer_id: string;
  org: string;
  user_id: string;
  display_name: string;
  gender: string;
  gender_label: string | null;
  active_from: string;
  active_until: string | null;
}

const toVolunteer = (row: VolunteerRow): Volunteer => ({
  volunteerId: row.volunteer_id,
  org: row.org,
  userId: row.user_id,
  displayName: row.display_name,
  gender: row.gender,
  ...(row.gender_label === null ? {} : { genderLabel: row.gender_label }),
  activeFrom: row.active_from,
  activeUntil: row.active_until,
});

export async function findVolunteer(db: SqlExecutor, volunteerId: string): Promise<Volunteer | null> {
  const { rows } = await db.query<VolunteerRow>(`SELECT ${VOLUNTEER_COLUMNS} FROM volunteers WHERE volunteer_id = $1`, [volunteerId]);
  return rows[0] ? toVolunteer(rows[0]) : null;
}

/** The volunteer ids a signed-in user (`sub`) acts as in an org (usually one). */
export async function findVolunteerIdsByUserId(db: SqlExecutor, org: string, userId: string): Promise<string[]> {
  const { rows } = await db.query<{ volunteer_id: string }>(
    'SELECT volunteer_id FROM volunteers WHERE org = $1 AND user_id = $2 ORDER BY volunteer_id',
    [org, userId],
  );
  return rows.map((row) => row.volunteer_id);
}

/** An org's volunteers, active or not, by name. */
export async function listVolunteers(db: SqlExecutor, org: string): Promise<Volunteer[]> {
  const { rows } = await db.query<VolunteerRow>(
    `SELECT ${VOLUNTEER_COLUMNS} FROM volunteers WHERE org = $1 ORDER BY display_name, volunteer_id`,
    [org],
  );
  return rows.map(toVolunteer);
}
