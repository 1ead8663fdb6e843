import type { Request } from 'express';
import { ApiException } from '../http/api-exception';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** 1-128 visible ASCII characters (no space, no control character), as the contract says. */
const KEY_SHAPE = /^[\x21-\x7e]{1,128}$/;

/**
 * The request's `Idempotency-Key`, or null when it has none. A header that is there but
 * malformed (empty, too long, other characters; a repeated header arrives joined by ", ") is a
 * 400 naming the header, and the key itself is never quoted back.
 */
export function idempotencyKeyOf(request: Request): string | null {
  const sent = request.headers[IDEMPOTENCY_HEADER.toLowerCase()];
  if (sent === undefined) return null;
  if (typeof sent === 'string' && KEY_SHAPE.test(sent)) return sent;
  throw new ApiException(400, 'validation-failed', 'The request is not valid', [
    { path: IDEMPOTENCY_HEADER, message: 'must be 1 to 128 visible ASCII characters' },
  ]);
}
