import { ApiError } from '../../api/errors';
import type { IncomingKey } from './messages';

/** What a refused or failed command means for the person who gave it, as a message key and its values. */
export function commandError(error: unknown): { key: IncomingKey; vars?: Record<string, string> } {
  if (!(error instanceof ApiError)) return { key: 'errorNetwork' };
  if (error.code === 'reach-attempts-not-met') return { key: 'errorReachAttempts' };
  if (error.code === 'case-closed') return { key: 'errorCaseClosed' };
  if (error.status === 404) return { key: 'errorNotFound' };
  if (error.status === 403) return { key: 'errorForbidden' };
  if (error.status === 400 && error.details.some((d) => d.path === 'at')) {
    return { key: error.details.some((d) => /future/i.test(d.message)) ? 'errorTimeFuture' : 'errorTimeBeforeReceived' };
  }
  return { key: 'errorOther', vars: { message: error.message } };
}
