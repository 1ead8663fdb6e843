import type { NextFunction, Request, Response } from 'express';
import { ApiException } from './api-exception';

/**
 * Runs before any body is read. The JSON parser reads `application/json` only, so a body of any
 * other type would reach the routes unread and unbounded; it is refused here instead: 413 when it
 * says it is over the limit, else 415. A JSON body over the limit is left to the parser (413).
 */
export function jsonBodyGate(limitBytes: number) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    const declared = Number(request.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > limitBytes) return next(payloadTooLarge());
    if (hasBody(request) && !isJson(request.headers['content-type'])) {
      return next(new ApiException(415, 'unsupported-media-type', 'The body must be JSON (Content-Type: application/json)'));
    }
    next();
  };
}

export function payloadTooLarge(): ApiException {
  return new ApiException(413, 'payload-too-large', 'The body is larger than 64 KiB');
}

function hasBody(request: Request): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  const length = request.headers['content-length'];
  return length !== undefined && length.trim() !== '0';
}

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0].trim().toLowerCase() === 'application/json';
}
