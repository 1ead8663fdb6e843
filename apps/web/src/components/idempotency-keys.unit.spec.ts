import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { IdempotencyKeys, isFinalAnswer } from './idempotency-keys';

const counter = () => {
  let n = 0;
  return () => `key-${++n}`;
};

describe('Idempotency-Keys kept per intended action', () => {
  it('given the same body again before it was answered (double tap, retry), keeps the key', () => {
    const keys = new IdempotencyKeys(counter());
    expect(keys.keyFor({ channel: 'phone', outcome: 'no-answer' })).toBe('key-1');
    expect(keys.keyFor({ channel: 'phone', outcome: 'no-answer' })).toBe('key-1');
  });

  it('given another body, makes a new key', () => {
    const keys = new IdempotencyKeys(counter());
    keys.keyFor({ outcome: 'no-answer' });
    expect(keys.keyFor({ outcome: 'voicemail' })).toBe('key-2');
  });

  it('given an answer for good, the same body next time is a new action with a new key', () => {
    const keys = new IdempotencyKeys(counter());
    const first = keys.keyFor({ outcome: 'no-answer' });
    keys.answered(first);
    expect(keys.keyFor({ outcome: 'no-answer' })).toBe('key-2');
  });

  it('ignores the answer to a key that is no longer current', () => {
    const keys = new IdempotencyKeys(counter());
    const old = keys.keyFor({ outcome: 'no-answer' });
    const now = keys.keyFor({ outcome: 'voicemail' });
    keys.answered(old);
    expect(keys.keyFor({ outcome: 'voicemail' })).toBe(now);
  });
});

describe('which failures are the final answer to a key', () => {
  it('given a refusal the service keeps with the key (400, 409, 422), is final', () => {
    expect(isFinalAnswer(new ApiError(400, 'validation-failed', 'x'))).toBe(true);
    expect(isFinalAnswer(new ApiError(422, 'consent-required', 'x'))).toBe(true);
    expect(isFinalAnswer(new ApiError(409, 'case-closed', 'x'))).toBe(true);
    expect(isFinalAnswer(new ApiError(503, 'read-model-behind', 'x'))).toBe(true);
  });

  it('given a lost answer, a 5xx, a 429 or a key still in progress, is worth retrying with the same key', () => {
    expect(isFinalAnswer(new TypeError('Failed to fetch'))).toBe(false);
    expect(isFinalAnswer(new ApiError(502, 'http-502', 'x'))).toBe(false);
    expect(isFinalAnswer(new ApiError(429, 'rate-limited', 'x'))).toBe(false);
    expect(isFinalAnswer(new ApiError(409, 'idempotency-key-in-progress', 'x'))).toBe(false);
  });
});
