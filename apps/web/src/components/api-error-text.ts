import { ApiError } from '../api/errors';
import { interpolate, type Language, type Messages } from '../i18n/i18n';

const messages: Messages<'future' | 'beforeReceipt' | 'invalid' | 'failed' | 'network' | 'timeFormat'> = {
  sv: {
    future: 'Tiden ligger i framtiden.',
    beforeReceipt: 'Tiden är före den då ärendet togs emot.',
    invalid: 'Uppgiften stämmer inte: {message}',
    failed: 'Det gick inte att spara: {message}',
    network: 'Det gick inte att nå tjänsten. Försök igen, det sparas bara en gång.',
    timeFormat: 'Ange tiden som TT:MM.',
  },
  en: {
    future: 'The time is in the future.',
    beforeReceipt: 'The time is before the case was received.',
    invalid: 'This is not right: {message}',
    failed: 'Could not save: {message}',
    network: 'The service could not be reached. Try again; it is saved only once.',
    timeFormat: 'Give the time as HH:MM.',
  },
};

/** The API's words for one field, in the user's language where they are known. */
function fieldText(message: string, language: Language): string {
  const m = messages[language];
  if (message === 'is in the future') return m.future;
  if (message.startsWith('is before')) return m.beforeReceipt;
  if (message === 'must be a local time HH:MM') return m.timeFormat;
  return interpolate(m.invalid, { message });
}

/** The error of `path` (e.g. "at", "safeHours.from"), or null. */
export function fieldError(error: unknown, path: string, language: Language): string | null {
  if (!(error instanceof ApiError)) return null;
  const detail = error.details.find((d) => d.path === path);
  return detail ? fieldText(detail.message, language) : null;
}

/** A failure not tied to one of `fields`, in words; null when there is none. */
export function formError(error: unknown, fields: readonly string[], language: Language): string | null {
  if (!error) return null;
  if (!(error instanceof ApiError)) return messages[language].network;
  const others = error.details.filter((d) => !fields.includes(d.path));
  if (error.details.length > 0 && others.length === 0) return null;
  const text = others.length > 0 ? others.map((d) => `${d.path}: ${fieldText(d.message, language)}`).join(' ') : error.message;
  return interpolate(messages[language].failed, { message: text });
}

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
