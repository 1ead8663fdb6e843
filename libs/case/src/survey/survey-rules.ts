import { FieldProblem } from '../shared/domain-error';
import { formatInstant } from '../time/instant';
import { addLocalCalendarDays } from '../time/zoned-time';

/** The jours' four statements, each scored 1-5 (5 best), in the order the report lists them. */
export const SURVEY_QUESTIONS = ['bemotande', 'information', 'hjalp', 'rekommendera'] as const;
export type SurveyQuestion = (typeof SURVEY_QUESTIONS)[number];
export type SurveyScores = Partial<Record<SurveyQuestion, number>>;

/** A survey may be answered until this many calendar days (Stockholm) after the case was closed. */
export const SURVEY_VALID_DAYS = 60;

export const isSurveyQuestion = (name: string): name is SurveyQuestion => (SURVEY_QUESTIONS as readonly string[]).includes(name);

/** When a survey offered at `closedAtMs` stops taking answers (same wall-clock time, 60 days on). */
export function surveyExpiry(closedAtMs: number): string {
  return formatInstant(addLocalCalendarDays(closedAtMs, SURVEY_VALID_DAYS));
}

/** What is wrong with the scores of an answer, one problem per field (`scores.<question>`). */
export function scoreProblems(scores: unknown): FieldProblem[] {
  if (typeof scores !== 'object' || scores === null || Array.isArray(scores)) return [{ path: 'scores', message: 'must be an object' }];
  const entries = Object.entries(scores);
  if (entries.length === 0) return [{ path: 'scores', message: 'must hold at least one score' }];
  return entries.flatMap(([question, score]): FieldProblem[] => {
    if (!isSurveyQuestion(question)) return [{ path: `scores.${question}`, message: `is not a question; one of ${SURVEY_QUESTIONS.join(', ')}` }];
    return Number.isInteger(score) && (score as number) >= 1 && (score as number) <= 5 ? [] : [{ path: `scores.${question}`, message: 'must be an integer from 1 to 5' }];
  });
}
