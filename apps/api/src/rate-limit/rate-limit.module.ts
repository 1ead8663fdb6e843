import { Global, Module } from '@nestjs/common';
import type { Config } from '@referral/config';
import { CLOCK, CONFIG, REDIS, type Clock } from '@referral/platform';
import type { Redis } from 'ioredis';
import { FailedAuthLimiter } from './failed-auth-limiter';
import { FixedWindowCounter } from './fixed-window-counter';
import { IntakeRateLimitGuard } from './intake-rate-limit.guard';
import { SurveyRateLimitGuard } from './survey-rate-limit.guard';

const MINUTE_MS = 60_000;

/** Per-client rate limits, counted in Redis across the API processes. */
@Global()
@Module({
  providers: [
    {
      provide: FixedWindowCounter,
      useFactory: (redis: Redis, clock: Clock, config: Config) => new FixedWindowCounter(redis, clock, config.redisPrefix, MINUTE_MS),
      inject: [REDIS, CLOCK, CONFIG],
    },
    IntakeRateLimitGuard,
    SurveyRateLimitGuard,
    FailedAuthLimiter,
  ],
  exports: [FixedWindowCounter, IntakeRateLimitGuard, SurveyRateLimitGuard, FailedAuthLimiter],
})
export class RateLimitModule {}
