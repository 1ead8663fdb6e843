import { Inject, Injectable } from '@nestjs/common';
import { surveyDecider, type SurveyOffer } from '@referral/case';
import { EventSourcedStream } from '@referral/case-workflows';
import { CaseQueries } from '@referral/read-models';
import { throwRefusal } from '../commands/domain-exception';
import { ReadModelFreshness } from '../commands/read-model-freshness';
import type { SurveyAnswerDto } from './dto/survey-answer.dto';
import { SurveyTokens } from './survey-tokens';

export const SURVEYS = 'surveys';
/** Answers carry no user: the metadata says only that the survey link was used. */
const RESPONDENT = 'survey-respondent';

/**
 * One answer per survey: its stream `survey-<surveyId>` takes one `SurveyAnswered` (the append
 * expects the stream's revision, so two answers at once leave one, the other is decided again and
 * answered 409). The comment is sealed under that stream's own key, never the case's.
 */
@Injectable()
export class SurveyAnswers {
  constructor(
    private readonly stream: EventSourcedStream,
    private readonly tokens: SurveyTokens,
    private readonly queries: CaseQueries,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async offerOf(token: string): Promise<SurveyOffer | null> {
    return this.queries.surveyOffer(await this.tokens.idOf(token));
  }

  async answer(offer: SurveyOffer | null, surveyId: string, body: SurveyAnswerDto, now: Date, correlationId: string): Promise<void> {
    const result = await this.stream.run(
      `survey-${surveyId}`,
      surveyDecider,
      () => ({ type: 'AnswerSurvey' as const, offer, scores: scoresGiven(body.scores), comment: body.comment, at: body.at, now: now.toISOString() }),
      throwRefusal,
      { metadata: { actor: RESPONDENT, correlationId } },
    );
    await this.freshness.waitFor(SURVEYS, result.position);
  }
}

/** The scores sent: the DTO's class has a key for every question, unset ones undefined. */
function scoresGiven(scores: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(scores).filter(([, score]) => score !== undefined));
}
