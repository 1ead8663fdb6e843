import { START, type Position, type ReadPosition } from '@kurrent/kurrentdb-client';

/**
 * Our port's `position` is one bigint, unique per event and strictly increasing in `$all` order.
 * KurrentDB orders `$all` by (commit, prepare).
 *
 * Why the commit position alone is safe: every append over gRPC is written as implicitly
 * committed prepare records, one per event, and `$all` reports each such event at
 * (commit = prepare = that record's own log position). So the commit position is unique per
 * event even when one append carries many events, and `$all` order is the order of those
 * positions. Events only share a commit position when they come from a legacy explicit
 * transaction (TCP API, gone since 24.10); this adapter never writes those, and if it ever
 * meets one it refuses rather than hand out a position that is not unique
 * (`UnsupportedTransactionPositionError`).
 */
export function toPortPosition(position: Position): bigint {
  if (position.commit !== position.prepare) throw new UnsupportedTransactionPositionError(position);
  return position.commit;
}

/** The client position of the event at a port position (inverse of `toPortPosition`). */
export function toClientPosition(position: bigint): Position {
  return { commit: position, prepare: position };
}

/** Where to start a `$all` read or subscription that should continue after `cursor`. */
export function readPositionFrom(cursor: Position | null): ReadPosition {
  return cursor ?? START;
}

/** True when `a` comes after `b` in `$all` order. */
export function isAfter(a: Position, b: Position | null): boolean {
  if (b === null) return true;
  return a.commit > b.commit || (a.commit === b.commit && a.prepare > b.prepare);
}

/** An event in `$all` whose commit and prepare positions differ (a legacy explicit transaction). */
export class UnsupportedTransactionPositionError extends Error {
  constructor(readonly position: Position) {
    super(
      `KurrentDB event at commit ${position.commit} / prepare ${position.prepare} was written by an ` +
        'explicit transaction; its commit position is shared with other events, so it has no ' +
        'unique global position in this store',
    );
    this.name = 'UnsupportedTransactionPositionError';
  }
}
