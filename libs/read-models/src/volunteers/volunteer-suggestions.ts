import type { SqlExecutor } from '@referral/sql';
import type { PersonalDataReader } from '../cases/reveal-case-detail';
import { compareByName, listVolunteers, type Volunteer } from './volunteer-queries';

/** One volunteer a coordinator might give the case to. */
export interface VolunteerSuggestion {
  volunteerId: string;
  displayName?: string;
  personalData?: Volunteer['personalData'];
  languages: string[];
  openCases: number;
  speaksPreferredLanguage: boolean;
}

/** What the suggestions need of a case, without opening its personal data. */
export interface CaseForSuggestions {
  org: string;
  status: string;
  assigneeId: string | null;
  /** The person's `preferredLanguage` as sent, or `null` when none was given. */
  preferredLanguage: string | null;
}

export async function caseForSuggestions(db: SqlExecutor, caseId: string): Promise<CaseForSuggestions | null> {
  const { rows } = await db.query<{ org: string; status: string; assignee_id: string | null; preferred_language: string | null }>(
    `SELECT org, status, assignee_id, person->>'preferredLanguage' AS preferred_language FROM case_list WHERE case_id = $1`,
    [caseId],
  );
  const row = rows[0];
  return row ? { org: row.org, status: row.status, assigneeId: row.assignee_id, preferredLanguage: row.preferred_language } : null;
}

/**
 * The org's volunteers who could take a case on `today` (active that day, basic training
 * passed): those who speak `language` first, then fewest open cases, then by name and id.
 */
export async function suggestVolunteers(
  db: SqlExecutor,
  reader: PersonalDataReader,
  filter: { org: string; language: string; today: string },
): Promise<VolunteerSuggestion[]> {
  const { language, today } = filter;
  const candidates = (await listVolunteers(db, filter.org, reader)).filter(
    (v) => v.basicTraining === 'passed' && v.activeFrom <= today && (v.activeUntil === null || today <= v.activeUntil),
  );
  const speaks = (v: Volunteer) => v.languages.includes(language);
  // listVolunteers answers by name then id, and the sort is stable: that is the tie order.
  candidates.sort((a, b) => Number(speaks(b)) - Number(speaks(a)) || a.openCases - b.openCases || compareByName(a, b));
  return candidates.map((v) => ({
    volunteerId: v.volunteerId,
    ...(v.displayName === undefined ? { personalData: v.personalData } : { displayName: v.displayName }),
    languages: v.languages,
    openCases: v.openCases,
    speaksPreferredLanguage: speaks(v),
  }));
}
