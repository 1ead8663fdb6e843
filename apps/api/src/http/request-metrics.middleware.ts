import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from '@referral/platform';

/** Counts requests by route pattern (never by concrete path, which holds case ids). */
@Injectable()
export class RequestMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: Metrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const stop = process.hrtime.bigint();
    response.on('finish', () => {
      const route = (request.route?.path as string | undefined) ?? 'unmatched';
      const labels = { method: request.method, route };
      this.metrics.httpRequests.inc({ ...labels, status: String(response.statusCode) });
      this.metrics.httpDuration.observe(labels, Number(process.hrtime.bigint() - stop) / 1e9);
    });
    next();
  }
}
