import { useCallback, useRef } from 'react';
import { newIdempotencyKey } from './client';

/**
 * One Idempotency-Key per intended action (e.g. "assign:v-12"), kept until that action succeeds:
 * a double click or a retry after a lost answer sends the same key, so the command takes effect once.
 */
export function useIdempotencyKeys(): { keyFor(action: string): string; succeeded(action: string): void } {
  const keys = useRef(new Map<string, string>());
  const keyFor = useCallback((action: string) => {
    let key = keys.current.get(action);
    if (!key) {
      key = newIdempotencyKey();
      keys.current.set(action, key);
    }
    return key;
  }, []);
  const succeeded = useCallback((action: string) => void keys.current.delete(action), []);
  return { keyFor, succeeded };
}
