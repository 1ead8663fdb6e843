import { OrgId } from '../shared/org';
import type { SurveyScores } from './survey-rules';

/**
 * An answer to a satisfaction survey, in the survey's own stream (`survey-<surveyId>`). It holds
 * no personal data of the case's person and no case id, so it stays whole after the case is
 * erased: the org, when it was answered (the period it counts in), the day the case closed, and
 * the scores. The free-text comment is in `personalData.comment`, sealed under the survey
 * stream's own key, never the case's.
 */
export interface SurveyAnswered {
  readonly type: 'SurveyAnswered';
  readonly data: {
    readonly surveyId: string;
    readonly org: OrgId;
    readonly at: string;
    /** Stockholm date the case was closed (`YYYY-MM-DD`). */
    readonly closedOn: string;
    readonly scores: SurveyScores;
    readonly personalData?: { readonly comment: string };
  };
}

export type SurveyEvent = SurveyAnswered;

/** A survey as its org offered it at closing (from the read model): the answer's yardstick. */
export interface SurveyOffer {
  readonly surveyId: string;
  readonly org: OrgId;
  readonly closedAt: string;
  readonly expiresAt: string;
}

export interface AnswerSurvey {
  readonly type: 'AnswerSurvey';
  /** The offer the token leads to; `null` when the token leads nowhere. */
  readonly offer: SurveyOffer | null;
  readonly scores: unknown;
  readonly comment?: string;
  /** When it was answered (a paper answer typed in later); default `now`. */
  readonly at?: string;
  readonly now: string;
}

export interface SurveyState {
  readonly answered: boolean;
}

export const initialSurveyState: SurveyState = { answered: false };

export const evolveSurvey = (state: SurveyState, event: SurveyEvent): SurveyState =>
  event.type === 'SurveyAnswered' ? { answered: true } : state;
