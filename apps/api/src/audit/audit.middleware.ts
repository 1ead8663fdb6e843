import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { LOGGER } from '@referral/platform';
import type { Caller } from '../auth/caller';
import { withAccessNotes, type AccessNotes } from './access-notes';
import { auditedAction, routePatternOf } from './audited-routes';
import { AuditWriter } from './audit-writer';
import { ensureRequestId } from './request-id';

const STATUS_CODES: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 429: 'too-many-requests' };

/**
 * Opens the request's access notes, and records the requests the interceptor never saw: those a
 * guard refused (guards run before interceptors): the AuthGuard, a rate limit. Those answers
 * carried no data, so their record is written once the answer is out; a failure is logged.
 */
@Injectable()
export class AuditMiddleware implements NestMiddleware {
  constructor(private readonly writer: AuditWriter, @Inject(LOGGER) private readonly logger: Logger) {}

  use(request: Request, response: Response, next: NextFunction): void {
    ensureRequestId(request);
    withAccessNotes((notes) => {
      response.on('finish', () => void this.recordMissed(request, response, notes));
      next();
    });
  }

  private async recordMissed(request: Request & { caller?: Caller }, response: Response, notes: AccessNotes): Promise<void> {
    if (notes.recorded) return;
    const pattern = routePatternOf(request);
    const action = pattern && auditedAction(request.method, pattern);
    if (!pattern || !action) return;
    const status = response.statusCode;
    try {
      await this.writer.record({
        request, pattern, action, notes, status, error: STATUS_CODES[status] ?? null, answer: null, refusedByGuard: true,
      });
    } catch (error) {
      this.logger.error(
        { err: error instanceof Error ? error.message : 'unknown', action, status, requestId: request.header('x-request-id') },
        'audit record of a refused request could not be written',
      );
    }
  }
}
