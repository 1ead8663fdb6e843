import { isSurveyQuestion, type SurveyAnswered } from '@referral/case';
import { stockholmDay } from '../stockholm-day';
import type { Count } from './contributions';

/**
 * What one survey answer adds, for the org whose case it was, on the Stockholm day it was
 * answered: one response, and per question scored its score (summed) and one scoring (counted),
 * so a period's averages are sums over counts. Nothing of the case or its person.
 */
export function surveyCounts(event: SurveyAnswered): Count[] {
  const { org, at, scores } = event.data;
  const day = stockholmDay(at);
  const counts: Count[] = [{ org, day, figure: 'survey-responses', key: 'all', n: 1 }];
  for (const [question, score] of Object.entries(scores)) {
    if (!isSurveyQuestion(question) || typeof score !== 'number') continue;
    counts.push({ org, day, figure: 'survey-score-sum', key: question, n: score }, { org, day, figure: 'survey-scored', key: question, n: 1 });
  }
  return counts;
}
