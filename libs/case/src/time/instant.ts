/**
 * Instants travel as ISO-8601 strings with an offset (`Z` or `±hh:mm`). Events store them
 * normalised to UTC (`toISOString`), so that equal instants are equal strings.
 */
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Milliseconds since the epoch, or `null` when the text is not an ISO instant with an offset. */
export function parseInstant(text: string): number | null {
  if (!INSTANT_PATTERN.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

export const formatInstant = (ms: number): string => new Date(ms).toISOString();

/** The instant normalised to UTC, or `null` when it is not a valid ISO instant with an offset. */
export function normaliseInstant(text: string): string | null {
  const ms = parseInstant(text);
  return ms === null ? null : formatInstant(ms);
}
