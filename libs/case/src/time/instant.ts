import { isValidCalendarDate } from './calendar-date';

/**
 * Instants travel as ISO-8601 date-times with an explicit offset (`Z` or `±hh:mm`), the one rule
 * for every instant the service reads (the HTTP validators use it too). Seconds and a fraction of
 * up to nine digits are optional (kept to the millisecond); `t` and `z` may be lower case, as
 * RFC 3339 allows. Refused: no offset, a day the calendar does not have, `24:00`, a leap second
 * (`:60`, which Date cannot hold). Events store instants normalised to UTC (`toISOString`), so
 * that equal instants are equal strings.
 */
const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/i;

/** Milliseconds since the epoch, or `null` when the text is not an ISO instant with an offset. */
export function parseInstant(text: string): number | null {
  const match = INSTANT_PATTERN.exec(text);
  if (!match || !isValidCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

export const formatInstant = (ms: number): string => new Date(ms).toISOString();

/** The instant normalised to UTC, or `null` when it is not a valid ISO instant with an offset. */
export function normaliseInstant(text: string): string | null {
  const ms = parseInstant(text);
  return ms === null ? null : formatInstant(ms);
}
