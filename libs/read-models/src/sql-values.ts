/**
 * Conversions between the drivers' values and the read models' answers. `pg` and PGlite both
 * hand `timestamptz` back as `Date` today, but a string (e.g. through a view or a cast) must
 * read the same.
 */
export function toIsoInstant(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return new Date(value).toISOString();
  throw new TypeError(`Not a timestamp: ${typeof value}`);
}

export function toIsoInstantOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : toIsoInstant(value);
}

/** A `jsonb` parameter: both drivers accept the JSON text with an explicit `::jsonb` cast. */
export function jsonParam(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** Counts (`int8`) may come back as string, number or bigint. */
export function toCount(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}
