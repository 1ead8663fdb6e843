import { SURVEY_QUESTIONS } from '@referral/labels';

/** The four statements, in the order the survey asks them. */
export const QUESTIONS = Object.keys(SURVEY_QUESTIONS);
export const SCORES = [1, 2, 3, 4, 5] as const;

/** The shape the service hands out (43 URL-safe characters); anything else cannot be a survey link. */
export function isSurveyToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export interface SurveyAnswer {
  scores: Record<string, number>;
  comment?: string;
}

/** The body of `POST /surveys/{token}`: the statements scored, and the comment when there is one; null with no score. */
export function surveyAnswer(scores: Record<string, number | undefined>, comment: string): SurveyAnswer | null {
  const given = Object.fromEntries(QUESTIONS.filter((q) => typeof scores[q] === 'number').map((q) => [q, scores[q]!]));
  if (Object.keys(given).length === 0) return null;
  const text = comment.trim();
  return text ? { scores: given, comment: text } : { scores: given };
}

export type SurveyOutcome = 'thanks' | 'answered' | 'unknown' | 'busy' | 'failed';

/** What the person is told for the service's answer. */
export function outcomeOf(status: number, error?: { details?: { path: string }[] }): SurveyOutcome {
  if (status === 201 || status === 200) return 'thanks';
  if (status === 409) return 'answered';
  if (status === 404) return 'unknown';
  if (status === 400 && error?.details?.some((d) => d.path === 'token')) return 'unknown';
  if (status === 429) return 'busy';
  return 'failed';
}
