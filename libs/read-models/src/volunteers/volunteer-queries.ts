import type { VolunteerPersonalData } from '@referral/case';
import type { SqlExecutor } from '@referral/sql';
import { ERASED } from '../cases/person-as-sent';
import type { PersonalDataReader } from '../cases/reveal-case-detail';

/** A volunteer as the API shows them. Dates are `YYYY-MM-DD` (Stockholm). */
export interface Volunteer {
  volunteerId: string;
  org: string;
  userId: string;
  /** Absent only when the volunteer's key is gone (`personalData: "erased"`). */
  displayName?: string;
  gender: string;
  genderLabel?: string;
  activeFrom: string;
  /** The last active day, or `null` while active. */
  activeUntil: string | null;
  personalData?: typeof ERASED;
}

// Dates as text: a driver turning `date` into a JS Date would shift it by the process's zone.
const VOLUNTEER_COLUMNS = `volunteer_id, org, user_id, personal_data, gender, gender_label,
  to_char(active_from, 'YYYY-MM-DD') AS active_from, to_char(active_until, 'YYYY-MM-DD') AS active_until`;

interface VolunteerRow {
  volunteer_id: string;
  org: string;
  user_id: string;
  /** Sealed as the store holds it (in clear only from events written before sealing). */
  personal_data: unknown;
  gender: string;
  gender_label: string | null;
  active_from: string;
  active_until: string | null;
}

async function toVolunteer(row: VolunteerRow, reader: PersonalDataReader): Promise<Volunteer> {
  const opened = (await reader.open(row.personal_data)) as VolunteerPersonalData | null;
  return {
    volunteerId: row.volunteer_id,
    org: row.org,
    userId: row.user_id,
    ...(opened === null ? { personalData: ERASED } : { displayName: opened.displayName }),
    gender: row.gender,
    ...(row.gender_label === null ? {} : { genderLabel: row.gender_label }),
    activeFrom: row.active_from,
    activeUntil: row.active_until,
  };
}

export async function findVolunteer(db: SqlExecutor, volunteerId: string, reader: PersonalDataReader): Promise<Volunteer | null> {
  const { rows } = await db.query<VolunteerRow>(`SELECT ${VOLUNTEER_COLUMNS} FROM volunteers WHERE volunteer_id = $1`, [volunteerId]);
  return rows[0] ? toVolunteer(rows[0], reader) : null;
}

/** The volunteer ids a signed-in user (`sub`) acts as in an org (usually one). */
export async function findVolunteerIdsByUserId(db: SqlExecutor, org: string, userId: string): Promise<string[]> {
  const { rows } = await db.query<{ volunteer_id: string }>(
    'SELECT volunteer_id FROM volunteers WHERE org = $1 AND user_id = $2 ORDER BY volunteer_id',
    [org, userId],
  );
  return rows.map((row) => row.volunteer_id);
}

const byName = new Intl.Collator('sv');

/** An org's volunteers, active or not, by name (sorted once opened: the table holds no name in clear). */
export async function listVolunteers(db: SqlExecutor, org: string, reader: PersonalDataReader): Promise<Volunteer[]> {
  const { rows } = await db.query<VolunteerRow>(`SELECT ${VOLUNTEER_COLUMNS} FROM volunteers WHERE org = $1 ORDER BY volunteer_id`, [org]);
  const volunteers = await Promise.all(rows.map((row) => toVolunteer(row, reader)));
  // Stable sort: equal names stay in volunteer id order.
  return volunteers.sort((a, b) => byName.compare(a.displayName ?? '', b.displayName ?? ''));
}
