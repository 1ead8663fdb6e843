import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Config } from '@referral/config';
import { CLOCK, CONFIG, type Clock } from '@referral/platform';
import type { Caller } from '../auth/caller';
import { TooManyRequestsException } from '../http/too-many-requests';
import { FixedWindowCounter } from './fixed-window-counter';
import { retryAfterSeconds } from './retry-after';

/**
 * Handovers per client (the token's `sub`) per minute. Runs after the global AuthGuard, so the
 * caller is known; every handover sent counts, a repeated one too.
 */
@Injectable()
export class IntakeRateLimitGuard implements CanActivate {
  constructor(
    private readonly counter: FixedWindowCounter,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { caller } = context.switchToHttp().getRequest<{ caller: Caller }>();
    const count = await this.counter.increment('intake', caller.sub);
    if (count.count > this.config.rateLimitIntakePerMinute) {
      throw new TooManyRequestsException(retryAfterSeconds(count, this.clock), 'Too many handovers from this client; try again later');
    }
    return true;
  }
}
