import { describe, expect, it } from 'vitest';
import { IdempotencyKeys } from './idempotency-keys';

const counter = () => {
  let n = 0;
  return () => `key-${++n}`;
};

describe('Idempotency-Keys kept per intended action', () => {
  it('given the same body again before it succeeded (double tap, retry), keeps the key', () => {
    const keys = new IdempotencyKeys(counter());
    expect(keys.keyFor({ channel: 'phone', outcome: 'no-answer' })).toBe('key-1');
    expect(keys.keyFor({ channel: 'phone', outcome: 'no-answer' })).toBe('key-1');
  });

  it('given another body, makes a new key', () => {
    const keys = new IdempotencyKeys(counter());
    keys.keyFor({ outcome: 'no-answer' });
    expect(keys.keyFor({ outcome: 'voicemail' })).toBe('key-2');
  });

  it('given success, the same body next time is a new action with a new key', () => {
    const keys = new IdempotencyKeys(counter());
    const first = keys.keyFor({ outcome: 'no-answer' });
    keys.succeeded(first);
    expect(keys.keyFor({ outcome: 'no-answer' })).toBe('key-2');
  });

  it('ignores the success of a key that is no longer current', () => {
    const keys = new IdempotencyKeys(counter());
    const old = keys.keyFor({ outcome: 'no-answer' });
    const now = keys.keyFor({ outcome: 'voicemail' });
    keys.succeeded(old);
    expect(keys.keyFor({ outcome: 'voicemail' })).toBe(now);
  });
});
