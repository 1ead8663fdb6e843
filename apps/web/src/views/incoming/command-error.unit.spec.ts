import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { commandError } from './command-error';

describe('a refused command, in words', () => {
  it('names the reach-attempt rule when closing as unreachable too early', () => {
    expect(commandError(new ApiError(409, 'reach-attempts-not-met', 'Cannot close')).key).toBe('errorReachAttempts');
  });

  it('tells a time in the future from one before the case arrived', () => {
    expect(commandError(new ApiError(400, 'validation-failed', 'x', [{ path: 'at', message: 'is in the future' }])).key).toBe('errorTimeFuture');
    expect(commandError(new ApiError(400, 'validation-failed', 'x', [{ path: 'at', message: 'is before the case was received' }])).key).toBe('errorTimeBeforeReceived');
  });

  it('says a failed connection is one, and passes any other refusal on', () => {
    expect(commandError(new TypeError('Failed to fetch')).key).toBe('errorNetwork');
    expect(commandError(new ApiError(422, 'idempotency-key-reused', 'Reused'))).toEqual({ key: 'errorOther', vars: { message: 'Reused' } });
  });
});
