import { ApiError } from '../api/errors';
import type { Language } from '../i18n/i18n';
import { formError } from './api-error-text';

/**
 * A refused command in the view's own words where it knows the API's error code (e.g. 409
 * `basic-training-required`), else as any failure is said (api-error-text: field problems in
 * words, a lost answer as "try again, it is saved only once").
 */
export function refusalText(error: unknown, words: (code: string) => string | undefined, language: Language): string | null {
  const known = error instanceof ApiError ? words(error.code) : undefined;
  return known ?? formError(error, [], language);
}
