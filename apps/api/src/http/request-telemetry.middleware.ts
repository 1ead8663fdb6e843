import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { LOGGER, Metrics, type Logger } from '@referral/platform';
import type { Caller } from '../auth/caller';
import { requestIdOf } from '../audit/request-id';

/**
 * Per request, once it is answered: counted and timed by route pattern (never by concrete path,
 * which holds case ids), and one log line with method, route pattern, status, time, request id
 * and who. Never the query string or a body: what a person typed never reaches either.
 */
@Injectable()
export class RequestTelemetryMiddleware implements NestMiddleware {
  private readonly log: Logger;

  constructor(private readonly metrics: Metrics, @Inject(LOGGER) logger: Logger) {
    this.log = logger.child({ component: 'http' });
  }

  use(request: Request & { caller?: Caller }, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = (request.route?.path as string | undefined) ?? 'unmatched';
      const labels = { method: request.method, route };
      this.metrics.httpRequests.inc({ ...labels, status: String(response.statusCode) });
      this.metrics.httpDuration.observe(labels, seconds);
      this.log.info({
        ...labels,
        status: response.statusCode,
        ms: Math.round(seconds * 1e4) / 10,
        requestId: requestIdOf(request),
        sub: request.caller?.sub,
      }, 'request');
    });
    next();
  }
}
