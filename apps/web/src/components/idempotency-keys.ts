import { useRef } from 'react';
import { newIdempotencyKey } from '../api/client';

/**
 * One Idempotency-Key per user action: sending the same body again (a double tap, a retry after
 * a dropped answer) reuses the key, so the command takes effect once; a changed body gets a new
 * key (the API refuses a key reused with another body); after success the next action starts afresh.
 */
export class IdempotencyKeys {
  private last: { body: string; key: string } | null = null;

  constructor(private readonly make: () => string = newIdempotencyKey) {}

  forBody(body: unknown): string {
    const json = JSON.stringify(body);
    if (this.last?.body !== json) this.last = { body: json, key: this.make() };
    return this.last.key;
  }

  /** The action succeeded: the next one is a new action. */
  done(): void {
    this.last = null;
  }
}

export function useIdempotencyKeys(): IdempotencyKeys {
  const keys = useRef<IdempotencyKeys | null>(null);
  if (!keys.current) keys.current = new IdempotencyKeys();
  return keys.current;
}
