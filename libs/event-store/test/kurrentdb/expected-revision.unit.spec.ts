import { ANY, NO_STREAM, STREAM_EXISTS } from '@kurrent/kurrentdb-client';
import { toStreamState } from '../../src/kurrentdb/expected-revision';

describe('KurrentDB expected revision', () => {
  it.each([
    ['any', ANY],
    ['no-stream', NO_STREAM],
    ['stream-exists', STREAM_EXISTS],
    [0, 0n],
    [41, 41n],
  ] as const)('maps %p to %p', (expected, state) => {
    expect(toStreamState(expected)).toBe(state);
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 53])('refuses %p', (expected) => {
    expect(() => toStreamState(expected)).toThrow(RangeError);
  });
});
