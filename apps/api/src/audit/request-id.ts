import { randomUUID } from 'node:crypto';
import type { Request } from 'express';

/** The shape the command context accepts for `X-Request-Id` (request-context.decorator.ts). */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Gives every request a usable `X-Request-Id` before anything reads it, so the audit record and
 * the events a command appends (whose correlation id the command context takes from this
 * header) carry the same id.
 */
export function ensureRequestId(request: Request): string {
  const sent = request.headers['x-request-id'];
  if (typeof sent === 'string' && REQUEST_ID.test(sent)) return sent;
  const id = randomUUID();
  request.headers['x-request-id'] = id;
  return id;
}

export function requestIdOf(request: Request): string {
  return ensureRequestId(request);
}
