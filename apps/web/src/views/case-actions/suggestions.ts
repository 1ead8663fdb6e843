import type { VolunteerSuggestion } from '../../api/types';

export interface SuggestionLine {
  volunteerId: string;
  name: string;
  /** The person's language, when this volunteer speaks it (the "talar arabiska" badge). */
  speaks: string | null;
  /** Language codes, the person's first where spoken, then in the volunteer's own order. */
  languages: string[];
  openCases: number;
  current: boolean;
}

/**
 * The suggestions as the API orders them (speakers of the person's language first, then fewest
 * open cases), each ready to show; the current assignee is marked, not hidden.
 */
export function suggestionLines(
  items: readonly VolunteerSuggestion[],
  preferredLanguage: string | undefined,
  currentAssigneeId: string | null,
  unnamed: string,
): SuggestionLine[] {
  const language = preferredLanguage ?? 'sv';
  return items.map((item) => ({
    volunteerId: item.volunteerId,
    name: item.displayName ?? unnamed,
    speaks: item.speaksPreferredLanguage ? language : null,
    languages: item.languages.includes(language) ? [language, ...item.languages.filter((l) => l !== language)] : [...item.languages],
    openCases: item.openCases,
    current: item.volunteerId === currentAssigneeId,
  }));
}
