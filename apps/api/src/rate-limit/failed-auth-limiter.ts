import { Inject, Injectable } from '@nestjs/common';
import type { Config } from '@referral/config';
import { CLOCK, CONFIG, type Clock } from '@referral/platform';
import type { NextFunction, Request, Response } from 'express';
import { TooManyRequestsException } from '../http/too-many-requests';
import { FixedWindowCounter } from './fixed-window-counter';
import { retryAfterSeconds } from './retry-after';
import { clientIp } from './client-ip';

/** Load balancers probe this without a token; it is never refused. */
const HEALTH_PATH = '/api/v1/health';

/**
 * The login-like surface: tokens come from an issuer, so guessing is a request answered 401.
 * Each such answer counts against the client's IP; an IP that reached the limit is refused
 * before its token is even looked at, until the minute is over.
 *
 * The IP is Express's `request.ip`: the socket's peer unless `trust proxy` is set, so behind a
 * proxy every client would share the proxy's address.
 */
@Injectable()
export class FailedAuthLimiter {
  constructor(
    private readonly counter: FixedWindowCounter,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Express middleware, ahead of everything else. */
  readonly refuseBlocked = (request: Request, _response: Response, next: NextFunction): void => {
    if (request.path === HEALTH_PATH) return next();
    this.counter.current('failed-auth', clientIp(request)).then((count) => {
      if (count.count < this.config.rateLimitFailedAuthPerMinute) return next();
      next(new TooManyRequestsException(retryAfterSeconds(count, this.clock), 'Too many failed sign-ins from this address; try again later'));
    }, next);
  };

  /**
   * Called by the error filter as it answers 401, before the answer is written: the increment is
   * issued first, so the same client's next request already sees it.
   */
  recordFailure(request: Request): void {
    void this.counter.increment('failed-auth', clientIp(request));
  }
}
