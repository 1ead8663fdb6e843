import { Body, Controller, HttpCode, Inject, Param, Post, Req, UseGuards, type PipeTransform } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SurveyOffer } from '@referral/case';
import { CLOCK, type Clock } from '@referral/platform';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { Public } from '../auth/access.decorators';
import { hasRole } from '../auth/caller';
import { TokenVerifier } from '../auth/token-verifier';
import { ApiException } from '../http/api-exception';
import { SurveyRateLimitGuard } from '../rate-limit/survey-rate-limit.guard';
import { SurveyAnswerDto } from './dto/survey-answer.dto';
import { SurveyAnswers } from './survey-answers';
import { SURVEY_TOKEN_SHAPE, SurveyTokens } from './survey-tokens';

const surveyToken: PipeTransform<string, string> = {
  transform(value: string) {
    if (SURVEY_TOKEN_SHAPE.test(value)) return value;
    throw new ApiException(400, 'validation-failed', 'The request is not valid', [
      { path: 'token', message: 'must be a survey token: 43 characters of A-Z, a-z, 0-9, - and _' },
    ]);
  },
};

/**
 * The satisfaction survey of a case closed with `support-given`: answered by whoever holds the
 * link, without a token, so it is rate-limited per client IP.
 */
@ApiTags('surveys')
@Controller('surveys')
export class SurveysController {
  constructor(
    private readonly answers: SurveyAnswers,
    private readonly tokens: SurveyTokens,
    private readonly verifier: TokenVerifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':token')
  @Public()
  @UseGuards(SurveyRateLimitGuard)
  @HttpCode(201)
  async answer(@Param('token', surveyToken) token: string, @Body() body: SurveyAnswerDto, @Req() request: Request): Promise<{ answered: true }> {
    const surveyId = await this.tokens.idOf(token);
    const offer = await this.answers.offerOf(token);
    if (body.at !== undefined && offer) await this.checkMayBackdate(request, offer);
    const requestId = request.header('x-request-id');
    await this.answers.answer(offer, surveyId, body, this.clock.now(), requestId && /^[A-Za-z0-9._:-]{1,64}$/.test(requestId) ? requestId : randomUUID());
    return { answered: true };
  }

  /** An answer given earlier (on paper) is typed in by a coordinator of the survey's org, never backdated by the link alone. */
  private async checkMayBackdate(request: Request, offer: SurveyOffer): Promise<void> {
    const match = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i);
    if (!match) throw new ApiException(401, 'unauthorized', 'An answer with "at" needs the bearer token of a coordinator of the case\'s org');
    const caller = await this.verifier.verify(match[1]!).catch(() => {
      throw new ApiException(401, 'unauthorized', 'The token is not valid');
    });
    if (!hasRole(caller, 'coordinator') || caller.org !== offer.org) {
      throw new ApiException(403, 'forbidden', 'Only a coordinator of the case\'s org may record an answer given earlier');
    }
  }
}
