import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { ConcurrentUpdateError } from '@referral/case-workflows';
import { ApiException } from './api-exception';
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

/**
 * Turns every error into the contract's body. Nothing internal leaks: an unexpected error is a
 * 500 with a generic message, and its details go to the log only (which holds no personal data).
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const [status, body] = this.toBody(exception);
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
    const parserFailure = bodyParserFailure(exception);
    if (parserFailure) return parserFailure;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Nest turns the body parser's SyntaxError into a bare 400; our own code throws ApiException.
      if (status === 400) return [400, { error: 'invalid-json', message: 'The body is not valid JSON' }];
      const message = status === 404 ? 'No such resource' : exception.message;
      return [status, { error: CODES[status] ?? 'error', message }];
    }
    return [HttpStatus.INTERNAL_SERVER_ERROR, { error: 'internal', message: 'Something went wrong on our side' }];
  }
}

/** Express's body parser reports its failures with a `type`; Nest may wrap them. */
function bodyParserFailure(exception: unknown): [number, ErrorBody] | null {
  const candidates = [exception, (exception as { cause?: unknown })?.cause];
  for (const candidate of candidates) {
    const type = (candidate as { type?: unknown })?.type;
    if (type === 'entity.too.large') return [413, { error: 'payload-too-large', message: 'The body is larger than 64 KiB' }];
    if (type === 'entity.parse.failed') return [400, { error: 'invalid-json', message: 'The body is not valid JSON' }];
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return [415, { error: 'unsupported-media-type', message: 'The body must be UTF-8 JSON' }];
    }
  }
  if (exception instanceof SyntaxError) return [400, { error: 'invalid-json', message: 'The body is not valid JSON' }];
  return null;
}

/** Error name and message only: a stack may quote data, a message from our code does not. */
function describe(exception: unknown): { name: string; message: string } {
  if (exception instanceof Error) return { name: exception.name, message: exception.message };
  return { name: typeof exception, message: 'non-error thrown' };
}
