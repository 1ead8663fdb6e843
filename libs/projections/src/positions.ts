import { toBigInt } from '@referral/sql';

/** Positions are `null` before the first event; `null` is below every position. */
export type Position = bigint | null;

export function positionFromRow(value: unknown): Position {
  return value === null || value === undefined ? null : toBigInt(value);
}

export function positionParam(position: Position): string | null {
  return position === null ? null : position.toString();
}

export function isAtLeast(position: Position, wanted: Position): boolean {
  if (wanted === null) return true;
  return position !== null && position >= wanted;
}
