import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, lastValueFrom, throwError, type Observable } from 'rxjs';
import { noteCaseGrant } from '../audit/access-notes';
import { caseIdOf } from '../audit/audit-targets';
import { routePatternOf } from '../audit/audited-routes';
import type { Caller } from '../auth/caller';
import { REQUEST_COMMAND_KEY } from '../commands/request-context.decorator';
import { IdempotencyHashes } from './idempotency-hashes';
import { idempotencyKeyOf } from './idempotency-key';
import { IdempotentCommands } from './idempotent-commands';

type CallerRequest = Request & { caller?: Caller; [REQUEST_COMMAND_KEY]?: string };

/**
 * `Idempotency-Key` on every POST route, present and future: without the header the route runs
 * as before. It runs inside the audit interceptor (registered after it), so a replayed answer
 * is recorded like any other; and after the guards, so the caller is known and a replay counts
 * against the rate limits.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly commands: IdempotentCommands, private readonly hashes: IdempotencyHashes) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<CallerRequest>();
    if (request.method !== 'POST') return next.handle();
    let key: string | null;
    try {
      key = idempotencyKeyOf(request);
    } catch (error) {
      return throwError(() => error);
    }
    if (key === null) return next.handle();
    return from(this.once(request, http.getResponse<Response>(), key, next));
  }

  private async once(request: CallerRequest, response: Response, key: string, next: CallHandler): Promise<unknown> {
    const pattern = routePatternOf(request) ?? request.path;
    const answer = await this.commands.run({
      scope: this.hashes.scopeOf(request.caller ?? null, key, request.path),
      fingerprint: this.hashes.fingerprintOf(request.method, request.originalUrl, request.body),
      caseOf: (body) => caseIdOf(pattern, request, body),
      execute: async (commandKey) => {
        // The command's event ids derive from it (command-context.ts runOptions): run twice, it appends once.
        request[REQUEST_COMMAND_KEY] = commandKey;
        const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
        return { status: response.statusCode, body: asSent(body) };
      },
    });
    if (answer.replayed) {
      response.status(answer.status);
      noteCaseGrant("replay of the answer this caller was given for the same Idempotency-Key");
    }
    return answer.body;
  }
}

/** The body as the client receives it (dates as strings, undefined left out): what a replay sends. */
function asSent(body: unknown): unknown {
  return body === undefined ? undefined : JSON.parse(JSON.stringify(body));
}
