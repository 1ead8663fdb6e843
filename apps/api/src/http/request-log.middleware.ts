import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { LOGGER, type Logger } from '@referral/platform';
import type { Caller } from '../auth/caller';
import { requestIdOf } from '../audit/request-id';

/**
 * One line per request: method, route pattern (never the query string or a body), status, time,
 * request id and who. What a person typed never reaches it.
 */
@Injectable()
export class RequestLogMiddleware implements NestMiddleware {
  private readonly log: Logger;

  constructor(@Inject(LOGGER) logger: Logger) {
    this.log = logger.child({ component: 'http' });
  }

  use(request: Request & { caller?: Caller }, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      this.log.info({
        method: request.method,
        route: (request.route?.path as string | undefined) ?? 'unmatched',
        status: response.statusCode,
        ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
        requestId: requestIdOf(request),
        sub: request.caller?.sub,
      }, 'request');
    });
    next();
  }
}
