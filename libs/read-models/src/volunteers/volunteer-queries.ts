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
  /** ISO 639-1 codes. */
  languages: string[];
  activeFrom: string;
  /** The last active day, or `null` while active. */
  activeUntil: string | null;
  /** Open cases assigned to them now. */
  openCases: number;
  /** `pending` until a basic session lists one registered as pending; everyone else `passed`. */
  basicTraining: 'pending' | 'passed';
  /** The first basic session that listed them, or `null` (also for one taken as trained). */
  basicTrainingOn: string | null;
  personalData?: typeof ERASED;
}

// Dates as text: a driver turning `date` into a JS Date would shift it by the process's zone.
// Open cases are counted in the case views of the volunteer's own org (its `(org, status)` index).
const VOLUNTEER_COLUMNS = `v.volunteer_id, v.org, v.user_id, v.personal_data, v.gender, v.gender_label, v.languages,
  to_char(v.active_from, 'YYYY-MM-DD') AS active_from, to_char(v.active_until, 'YYYY-MM-DD') AS active_until,
  v.basic_training_pending, to_char(v.basic_training_on, 'YYYY-MM-DD') AS basic_training_on,
  (SELECT count(*) FROM case_list c WHERE c.org = v.org AND c.status = 'open' AND c.assignee_id = v.volunteer_id) AS open_cases`;

interface VolunteerRow {
  volunteer_id: string;
  org: string;
  user_id: string;
  /** Sealed as the store holds it (in clear only from events written before sealing). */
  personal_data: unknown;
  gender: string;
  gender_label: string | null;
  languages: string[];
  active_from: string;
  active_until: string | null;
  basic_training_pending: boolean;
  basic_training_on: string | null;
  open_cases: unknown;
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
    languages: row.languages,
    activeFrom: row.active_from,
    activeUntil: row.active_until,
    openCases: Number(row.open_cases),
    basicTraining: row.basic_training_pending && row.basic_training_on === null ? 'pending' : 'passed',
    basicTrainingOn: row.basic_training_on,
  };
}

export async function findVolunteer(db: SqlExecutor, volunteerId: string, reader: PersonalDataReader): Promise<Volunteer | null> {
  const { rows } = await db.query<VolunteerRow>(`SELECT ${VOLUNTEER_COLUMNS} FROM volunteers v WHERE v.volunteer_id = $1`, [volunteerId]);
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

/** Which of `volunteerIds` are volunteers of `org` (active or not). */
export async function volunteersOfOrg(db: SqlExecutor, org: string, volunteerIds: readonly string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ volunteer_id: string }>(
    'SELECT volunteer_id FROM volunteers WHERE org = $1 AND volunteer_id = ANY($2::text[])',
    [org, [...volunteerIds]],
  );
  return new Set(rows.map((row) => row.volunteer_id));
}

const byName = new Intl.Collator('sv');

/** Stable: equal names keep the order they came in (volunteer id order). */
export const compareByName = (a: Volunteer, b: Volunteer): number => byName.compare(a.displayName ?? '', b.displayName ?? '');

/** An org's volunteers, active or not, by name (sorted once opened: the table holds no name in clear). */
export async function listVolunteers(db: SqlExecutor, org: string, reader: PersonalDataReader): Promise<Volunteer[]> {
  const { rows } = await db.query<VolunteerRow>(`SELECT ${VOLUNTEER_COLUMNS} FROM volunteers v WHERE v.org = $1 ORDER BY v.volunteer_id`, [org]);
  const volunteers = await Promise.all(rows.map((row) => toVolunteer(row, reader)));
  return volunteers.sort(compareByName);
}
