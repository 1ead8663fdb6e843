import { describe, expect, it } from 'vitest';
import { IdempotencyKeys } from './idempotency-keys';

describe('idempotency keys of one user action', () => {
  const counter = () => {
    let n = 0;
    return () => `key-${(n += 1)}`;
  };

  it('given the same body twice, gives the same key (a double tap records once)', () => {
    const keys = new IdempotencyKeys(counter());
    expect(keys.forBody({ channel: 'meeting' })).toBe('key-1');
    expect(keys.forBody({ channel: 'meeting' })).toBe('key-1');
  });

  it('given a changed body after a failure, gives a new key (a key is never reused with another body)', () => {
    const keys = new IdempotencyKeys(counter());
    keys.forBody({ at: '10:00' });
    expect(keys.forBody({ at: '10:05' })).toBe('key-2');
  });

  it('after success, gives the same body a new key (it is a new action)', () => {
    const keys = new IdempotencyKeys(counter());
    keys.forBody({ reason: 'support-given' });
    keys.done();
    expect(keys.forBody({ reason: 'support-given' })).toBe('key-2');
  });
});
