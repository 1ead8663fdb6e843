import { errorFields } from '../src/error-fields';
import { FailureStreak } from '../src/failure-streak';

describe('errorFields', () => {
  it('carries name, code and message, and no detail (where pg keeps row values)', () => {
    const pgError = Object.assign(new Error('duplicate key value violates unique constraint "cases_pkey"'), {
      name: 'error', code: '23505', detail: 'Key (id)=(secret) already exists.',
    });
    expect(errorFields(pgError)).toEqual({ name: 'error', code: '23505', message: 'duplicate key value violates unique constraint "cases_pkey"' });
  });

  it("takes the cause's code when the error has none, and names what is not an Error", () => {
    const wrapped = new Error('Projection handler failed', { cause: Object.assign(new Error('x'), { code: '57P01' }) });
    expect(errorFields(wrapped)).toEqual({ name: 'Error', code: '57P01', message: 'Projection handler failed' });
    expect(errorFields(undefined)).toEqual({ name: 'undefined', message: '' });
  });
});

describe('FailureStreak', () => {
  it('counts failures in a row from the first one, and forgets them on success', () => {
    const streak = new FailureStreak();
    streak.failed(Object.assign(new Error('a'), { code: 'ECONNREFUSED' }), new Date('2025-01-01T00:00:00Z'));
    const second = streak.failed(new TypeError('b'), new Date('2025-01-01T00:00:05Z'));
    expect(second).toEqual({ attempt: 2, failingSince: new Date('2025-01-01T00:00:00Z'), lastError: { name: 'TypeError' } });
    streak.succeeded();
    expect(streak.current).toEqual({ attempt: 0, failingSince: null, lastError: null });
  });
});
