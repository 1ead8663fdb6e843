import { useRef } from 'react';
import { newIdempotencyKey } from '../api/client';
import { ApiError } from '../api/errors';

/**
 * One Idempotency-Key per intended action: the same action (the same body) asked again — a
 * double tap, a retry after a lost answer — keeps its key until the service has answered it for
 * good, so it takes effect once; a different body is a new action with a new key (the API
 * refuses a key reused with another body).
 */
export class IdempotencyKeys {
  private current: { body: string; key: string } | null = null;

  constructor(private readonly makeKey: () => string = newIdempotencyKey) {}

  keyFor(body: unknown): string {
    const text = JSON.stringify(body);
    if (this.current?.body !== text) this.current = { body: text, key: this.makeKey() };
    return this.current.key;
  }

  /** The service answered this action for good: the next one, even with the same body, is a new action. */
  answered(key: string): void {
    if (this.current?.key === key) this.current = null;
  }
}

/**
 * Whether a failure is the service's final answer to the key. It keeps its refusals (4xx) and a
 * "saved, but not shown yet" 503 with the key, so the same key would only get them again; a lost
 * answer, another 5xx, a 429 or "still in progress" is worth retrying with the same key.
 */
export function isFinalAnswer(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.status === 503) return error.code === 'read-model-behind';
  if (error.status === 429 || error.code === 'idempotency-key-in-progress') return false;
  return error.status >= 400 && error.status < 500;
}

/** The keys of one form or button group, kept across renders. */
export function useIdempotencyKeys(): IdempotencyKeys {
  const keys = useRef<IdempotencyKeys | null>(null);
  keys.current ??= new IdempotencyKeys();
  return keys.current;
}
