import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CLOCK, type Clock } from '@referral/platform';
import { REQUEST_CLOCK } from '../commands/request-context.decorator';

/** Hands the injected clock to each request, so commands take their time from it (tests set it). */
@Injectable()
export class ClockMiddleware implements NestMiddleware {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  use(request: Request, _response: Response, next: NextFunction): void {
    (request as Request & { [REQUEST_CLOCK]?: Clock })[REQUEST_CLOCK] = this.clock;
    next();
  }
}
