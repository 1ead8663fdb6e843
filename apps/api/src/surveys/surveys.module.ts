import { Module } from '@nestjs/common';
import type { EventStore } from '@referral/event-store';
import { EVENT_STORE } from '@referral/platform';
import { EventSourcedStream } from '@referral/case-workflows';
import { CheckpointWakeups } from '../commands/checkpoint-wakeups';
import { ReadModelFreshness } from '../commands/read-model-freshness';
import { SurveyAnswers } from './survey-answers';
import { SurveyTokens } from './survey-tokens';
import { SurveysController } from './surveys.controller';

/** `POST /surveys/{token}`, and the tokens the closing of a case makes. */
@Module({
  controllers: [SurveysController],
  providers: [
    { provide: EventSourcedStream, useFactory: (store: EventStore) => new EventSourcedStream(store), inject: [EVENT_STORE] },
    ReadModelFreshness,
    CheckpointWakeups,
    SurveyTokens,
    SurveyAnswers,
  ],
  exports: [SurveyTokens],
})
export class SurveysModule {}
