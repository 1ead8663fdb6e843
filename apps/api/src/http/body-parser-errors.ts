import type { NextFunction, Request, Response } from 'express';
import { ApiException } from './api-exception';
import { payloadTooLarge } from './json-body-gate';

/**
 * Express error middleware right after the JSON parser: its failures carry a `type`, which Nest
 * would otherwise flatten into a bare 400 with the parser's message, so they become the
 * contract's errors here. Anything else passes on untouched.
 */
export function bodyParserErrors(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  next(toContractError(error) ?? error);
}

export function toContractError(error: unknown): ApiException | null {
  switch ((error as { type?: unknown } | null)?.type) {
    case 'entity.too.large':
      return payloadTooLarge();
    case 'entity.parse.failed':
      return new ApiException(400, 'invalid-json', 'The body is not valid JSON (an object or an array)');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiException(415, 'unsupported-media-type', 'The body must be UTF-8 JSON');
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
    case 'stream.not.readable':
      return new ApiException(400, 'bad-request', 'The body could not be read');
    default:
      return null;
  }
}
