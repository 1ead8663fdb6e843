import { SURVEY_QUESTIONS, type SurveyQuestion } from '@referral/case';
import type { CountRow } from './assemble-report';
import type { PartySatisfaction } from './report';

const rounded = (sum: number, count: number): number | null => (count === 0 ? null : Math.round((sum / count) * 100) / 100);

/** The satisfaction of one party from its summed survey counts of the period. */
export function satisfactionOf(rows: readonly CountRow[]): PartySatisfaction {
  const sum = (figure: CountRow['figure'], key?: string) =>
    rows.filter((row) => row.figure === figure && (key === undefined || row.key === key)).reduce((total, row) => total + row.n, 0);
  const responses = sum('survey-responses');
  const byQuestion = Object.fromEntries(
    SURVEY_QUESTIONS.map((question) => [question, responses === 0 ? null : rounded(sum('survey-score-sum', question), sum('survey-scored', question))]),
  ) as Record<SurveyQuestion, number | null>;
  return { responses, average: responses === 0 ? null : rounded(sum('survey-score-sum'), sum('survey-scored')), byQuestion };
}
