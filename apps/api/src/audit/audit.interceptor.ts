import { CallHandler, ExecutionContext, HttpException, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { catchError, concatMap, from, type Observable } from 'rxjs';
import { ConcurrentUpdateError } from '@referral/case-workflows';
import { LOGGER } from '@referral/platform';
import type { Caller } from '../auth/caller';
import { ApiException } from '../http/api-exception';
import { currentAccessNotes, type AccessNotes } from './access-notes';
import { auditedAction, routePatternOf } from './audited-routes';
import { AuditWriter } from './audit-writer';

/**
 * Writes the audit record of every audited request that got past the AuthGuard, before the
 * answer leaves: a read of personal data that cannot be recorded is not answered (503), and
 * neither is a refusal. A command that took effect but could not be recorded answers 503 too;
 * its events still carry the caller and the request id.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly writer: AuditWriter, @Inject(LOGGER) private readonly logger: Logger) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { caller?: Caller }>();
    const response = http.getResponse<Response>();
    const pattern = routePatternOf(request);
    const action = pattern && auditedAction(request.method, pattern);
    if (!pattern || !action) return next.handle();
    // Without the middleware's notes (an app wired without it) the request is still recorded.
    const notes: AccessNotes = currentAccessNotes() ?? { roles: [], caseGrant: null, recorded: false };
    const record = (status: number, error: string | null, answer: unknown) =>
      this.writer.record({ request, pattern, action, notes, status, error, answer }).catch((failure: unknown) => {
        this.logger.error(
          { err: failure instanceof Error ? failure.message : 'unknown', action, status, requestId: request.header('x-request-id') },
          'audit record could not be written; the request is answered 503',
        );
        throw new ApiException(503, 'audit-unavailable', 'The request could not be recorded in the audit log, so it is not answered');
      });
    return next.handle().pipe(
      concatMap(async (answer: unknown) => {
        await record(response.statusCode, null, answer);
        return answer;
      }),
      catchError((error: unknown) =>
        from(
          (async () => {
            if (notes.recorded) throw error;
            const [status, code] = statusOf(error);
            await record(status, code, null);
            throw error;
          })(),
        ),
      ),
    );
  }
}

/** The status and error code the error filter will answer for this error. */
function statusOf(error: unknown): [number, string] {
  if (error instanceof ApiException) return [error.getStatus(), (error.getResponse() as { error: string }).error];
  if (error instanceof ConcurrentUpdateError) return [409, 'concurrent-update'];
  if (error instanceof HttpException) return [error.getStatus(), error.getStatus() === 400 ? 'invalid-json' : 'error'];
  return [500, 'internal'];
}
