import { START } from '@kurrent/kurrentdb-client';
import {
  isAfter,
  readPositionFrom,
  toClientPosition,
  toPortPosition,
  UnsupportedTransactionPositionError,
} from '../../src/kurrentdb/positions';

describe('KurrentDB positions', () => {
  it('uses the commit position of an implicitly committed event, and maps it back', () => {
    const position = { commit: 4242n, prepare: 4242n };
    expect(toPortPosition(position)).toBe(4242n);
    expect(toClientPosition(toPortPosition(position))).toEqual(position);
  });

  it('refuses an event of an explicit transaction, whose commit position is shared', () => {
    expect(() => toPortPosition({ commit: 900n, prepare: 100n })).toThrow(UnsupportedTransactionPositionError);
  });

  it('keeps 64-bit positions exact', () => {
    const big = 2n ** 62n + 7n;
    expect(toPortPosition({ commit: big, prepare: big })).toBe(big);
  });

  it('starts reading at the beginning without a cursor, and at the cursor otherwise', () => {
    expect(readPositionFrom(null)).toBe(START);
    expect(readPositionFrom({ commit: 5n, prepare: 5n })).toEqual({ commit: 5n, prepare: 5n });
  });

  it('orders by commit, then prepare', () => {
    expect(isAfter({ commit: 2n, prepare: 2n }, null)).toBe(true);
    expect(isAfter({ commit: 2n, prepare: 2n }, { commit: 1n, prepare: 1n })).toBe(true);
    expect(isAfter({ commit: 2n, prepare: 2n }, { commit: 2n, prepare: 2n })).toBe(false);
    expect(isAfter({ commit: 3n, prepare: 1n }, { commit: 2n, prepare: 2n })).toBe(true);
    expect(isAfter({ commit: 3n, prepare: 2n }, { commit: 3n, prepare: 1n })).toBe(true);
    expect(isAfter({ commit: 1n, prepare: 1n }, { commit: 2n, prepare: 2n })).toBe(false);
  });
});
