import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { ConcurrentUpdateError } from '@referral/case-workflows';
import { ApiException } from './api-exception';
import { toContractError } from './body-parser-errors';
import { TooManyRequestsException } from './too-many-requests';
import type { ErrorBody } from './error-body';

const CODES: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'too-many-requests',
  501: 'not-implemented',
  503: 'unavailable',
};

const MESSAGES: Record<number, string> = {
  400: 'The request is malformed',
  404: 'No such resource',
  405: 'This method is not allowed here',
  413: 'The body is larger than 64 KiB',
  415: 'The body must be JSON (Content-Type: application/json)',
};

/**
 * Turns every error into the contract's body. Nothing internal leaks: an unexpected error is a
 * 500 with a generic message, and its details go to the log only (which holds no personal data).
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(
    private readonly logger: Logger,
    /** Told of every 401 before it is answered (the failed sign-in limit counts them). */
    private readonly onUnauthorized: (request: Request) => void = () => undefined,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const [status, body] = this.toBody(exception);
    if (status === 401) this.onUnauthorized(request);
    if (exception instanceof TooManyRequestsException) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    if (status >= 500) {
      this.logger.error(
        { err: describe(exception), method: request.method, route: request.route?.path },
        'request failed',
      );
    }
    response.status(status).json(body);
  }

  private toBody(exception: unknown): [number, ErrorBody] {
    if (exception instanceof ApiException) return [exception.getStatus(), exception.getResponse() as ErrorBody];
    if (exception instanceof ConcurrentUpdateError) {
      return [409, { error: 'concurrent-update', message: 'Someone else changed this at the same moment; try again' }];
    }
    const parserFailure = toContractError(exception) ?? toContractError((exception as { cause?: unknown })?.cause);
    if (parserFailure) return [parserFailure.getStatus(), parserFailure.getResponse() as ErrorBody];
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Not ours: Nest's own (an unknown route, a path that is not valid percent-encoding, ...),
      // whose message may quote the request, so only a fixed text per status goes out.
      return [status, { error: CODES[status] ?? 'error', message: MESSAGES[status] ?? 'The request was refused' }];
    }
    return [HttpStatus.INTERNAL_SERVER_ERROR, { error: 'internal', message: 'Something went wrong on our side' }];
  }
}

/** Error name and message only: a stack may quote data, a message from our code does not. */
function describe(exception: unknown): { name: string; message: string } {
  if (exception instanceof Error) return { name: exception.name, message: exception.message };
  return { name: typeof exception, message: 'non-error thrown' };
}
