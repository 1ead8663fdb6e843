import { Decision, accept, refuse } from '../shared/decision';
import { FieldProblem, conflict, invalid, notFound } from '../shared/domain-error';
import { formatCalendarDate } from '../time/calendar-date';
import { formatInstant, parseInstant } from '../time/instant';
import { localDateOf, STOCKHOLM } from '../time/zoned-time';
import { checkMoment } from '../case/handlers/moment';
import type { AnswerSurvey, SurveyEvent, SurveyState } from './survey-events';
import { scoreProblems, type SurveyScores } from './survey-rules';

const UNKNOWN = notFound('survey-not-found', 'No such survey, or it is no longer open');

/**
 * Records one answer to a survey: bad scores are refused before anything else (so they use nothing
 * up), an unknown token and one answered after its 60 days alike are 404, a second answer 409.
 */
export function decideSurveyAnswer(command: AnswerSurvey, state: SurveyState): Decision<SurveyEvent> {
  const problems: FieldProblem[] = scoreProblems(command.scores);
  if (command.comment !== undefined && typeof command.comment !== 'string') problems.push({ path: 'comment', message: 'must be text' });
  if (problems.length > 0) return refuse(invalid(problems));
  const offer = command.offer;
  if (offer === null) return refuse(UNKNOWN);
  const atMs = checkMoment(command.at ?? command.now, 'at', { now: command.now, notBefore: offer.closedAt, notBeforeWhat: 'the case was closed' }, problems);
  if (atMs === null) return refuse(invalid(problems));
  if (atMs > (parseInstant(offer.expiresAt) ?? 0)) return refuse(UNKNOWN);
  if (state.answered) return refuse(conflict('survey-answered', 'This survey has already been answered'));
  const comment = command.comment?.trim();
  return accept({
    type: 'SurveyAnswered',
    data: {
      surveyId: offer.surveyId,
      org: offer.org,
      at: formatInstant(atMs),
      closedOn: formatCalendarDate(localDateOf(parseInstant(offer.closedAt) ?? atMs, STOCKHOLM)),
      scores: command.scores as SurveyScores,
      ...(comment ? { personalData: { comment } } : {}),
    },
  });
}
