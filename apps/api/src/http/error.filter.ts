import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
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
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (typeof payload === 'object' && payload && 'error' in payload && 'message' in payload
        && typeof (payload as ErrorBody).message === 'string') {
        return [status, payload as ErrorBody];
      }
      return [status, { error: CODES[status] ?? 'error', message: exception.message }];
    }
    const bodyParserStatus = (exception as { status?: number; type?: string })?.status;
    if (bodyParserStatus === 413) {
      return [413, { error: 'payload-too-large', message: 'The body is larger than 64 KiB' }];
    }
    if (bodyParserStatus === 400 && (exception as { type?: string }).type === 'entity.parse.failed') {
      return [400, { error: 'invalid-json', message: 'The body is not valid JSON' }];
    }
    if (bodyParserStatus === 415 || (exception as { type?: string })?.type === 'encoding.unsupported') {
      return [415, { error: 'unsupported-media-type', message: 'The body must be UTF-8 JSON' }];
    }
    return [HttpStatus.INTERNAL_SERVER_ERROR, { error: 'internal', message: 'Something went wrong on our side' }];
  }
}

/** Error name and message only: a stack may quote data, a message from our code does not. */
function describe(exception: unknown): { name: string; message: string } {
  if (exception instanceof Error) return { name: exception.name, message: exception.message };
  return { name: typeof exception, message: 'non-error thrown' };
}
