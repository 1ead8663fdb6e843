import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Config } from '@referral/config';
import { CLOCK, CONFIG, type Clock } from '@referral/platform';
import type { Request } from 'express';
import { TooManyRequestsException } from '../http/too-many-requests';
import { FixedWindowCounter } from './fixed-window-counter';
import { retryAfterSeconds } from './retry-after';
import { clientIp } from './client-ip';

/**
 * Survey answers per client IP per minute: the route takes no token, so the address is all there
 * is to count by. Every request counts, so guessing tokens costs a minute per few tries.
 */
@Injectable()
export class SurveyRateLimitGuard implements CanActivate {
  constructor(
    private readonly counter: FixedWindowCounter,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const count = await this.counter.increment('survey', clientIp(context.switchToHttp().getRequest<Request>()));
    if (count.count > this.config.rateLimitSurveyPerMinute) {
      throw new TooManyRequestsException(retryAfterSeconds(count, this.clock), 'Too many survey answers from this address; try again later');
    }
    return true;
  }
}
