import { ApiError } from '../api/errors';

/**
 * A refusal in the view's own words where it knows the API's error code (e.g. 409
 * `basic-training-required`), else the API's message; field problems are added in the API's words.
 */
export function apiErrorText(error: unknown, words: (code: string) => string | undefined, fallback: (message: string) => string): string {
  if (error instanceof ApiError) {
    const known = words(error.code);
    if (known) return known;
    const details = error.details.map((d) => `${d.path}: ${d.message}`).join('; ');
    return fallback(details ? `${error.message} (${details})` : error.message);
  }
  return fallback(error instanceof Error ? error.message : String(error));
}
