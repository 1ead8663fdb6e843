import {
  AccessDeniedError,
  InvalidArgumentError,
  UnavailableError,
  DeadlineExceededError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { WrongExpectedRevisionError } from '@referral/event-store';
import { isTransientError, toPortError } from '../../src/kurrentdb/error-mapping';

describe('KurrentDB error mapping', () => {
  it('reports the actual revision of a conflict', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 1n, current: 2n });
    const mapped = toPortError(error, 's', 1);
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({ streamId: 's', expected: 1, actual: 2 });
  });

  it('reports -1 when the stream does not exist', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 'stream_exists', current: 'no_stream' });
    expect(toPortError(error, 's', 'stream-exists')).toMatchObject({ actual: -1, expected: 'stream-exists' });
  });

  it('passes other errors through', () => {
    const error = new AccessDeniedError();
    expect(toPortError(error, 's', 'any')).toBe(error);
  });

  it('retries dropped connections, not refusals or bugs', () => {
    expect(isTransientError(new UnavailableError())).toBe(true);
    expect(isTransientError(new DeadlineExceededError())).toBe(true);
    expect(isTransientError(new AccessDeniedError())).toBe(false);
    expect(isTransientError(new InvalidArgumentError('bad'))).toBe(false);
    expect(isTransientError(new TypeError('bug'))).toBe(false);
  });
});
