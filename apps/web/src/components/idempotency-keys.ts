import { useRef } from 'react';
import { newIdempotencyKey } from '../api/client';

/**
 * One Idempotency-Key per intended action: the same action (the same body) asked again — a
 * double tap, a retry after a failure — keeps its key until it succeeds, so the API records it
 * once; a different body is a new action with a new key (the API refuses a key reused with
 * another body).
 */
export class IdempotencyKeys {
  private current: { body: string; key: string } | null = null;

  constructor(private readonly makeKey: () => string = newIdempotencyKey) {}

  keyFor(body: unknown): string {
    const text = JSON.stringify(body);
    if (this.current?.body !== text) this.current = { body: text, key: this.makeKey() };
    return this.current.key;
  }

  /** The action took effect: the next one, even with the same body, is a new action. */
  succeeded(key: string): void {
    if (this.current?.key === key) this.current = null;
  }
}

/** The keys of one form or button group, kept across renders. */
export function useIdempotencyKeys(): IdempotencyKeys {
  const keys = useRef<IdempotencyKeys | null>(null);
  keys.current ??= new IdempotencyKeys();
  return keys.current;
}
