import { Module } from '@nestjs/common';
import { eventSourcedStreamProvider } from '../commands/event-sourced-stream.provider';
import { CheckpointWakeups } from '../commands/checkpoint-wakeups';
import { ReadModelFreshness } from '../commands/read-model-freshness';
import { SurveyAnswers } from './survey-answers';
import { SurveyTokens } from './survey-tokens';
import { SurveysController } from './surveys.controller';

/** `POST /surveys/{token}`, and the tokens the closing of a case makes. */
@Module({
  controllers: [SurveysController],
  providers: [
    eventSourcedStreamProvider,
    ReadModelFreshness,
    CheckpointWakeups,
    SurveyTokens,
    SurveyAnswers,
  ],
  exports: [SurveyTokens],
})
export class SurveysModule {}
