import { decideSurveyAnswer } from './decide-survey-answer';
import { evolveSurvey, initialSurveyState } from './survey-events';

/** A survey's stream (`survey-<surveyId>`) as one value: it takes one answer. */
export const surveyDecider = {
  decide: decideSurveyAnswer,
  evolve: evolveSurvey,
  initialState: initialSurveyState,
} as const;
