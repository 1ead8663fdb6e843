import {
  DeadlineExceededError,
  NO_STREAM,
  NotLeaderError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  CancelledError,
  WrongExpectedVersionError,
  type CurrentStreamState,
} from '@kurrent/kurrentdb-client';
import type { ExpectedRevision } from '../event-store.port';
import { WrongExpectedRevisionError } from '../errors';

/** Translates the client's errors into the port's; anything else passes through unchanged. */
export function toPortError(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  if (error instanceof WrongExpectedVersionError) {
    return new WrongExpectedRevisionError(streamId, expected, toActualRevision(error.actualState));
  }
  return error;
}

export function toActualRevision(state: CurrentStreamState): number {
  return state === NO_STREAM ? -1 : Number(state);
}

/**
 * Errors after which a subscription is worth re-opening: the connection dropped, the node stepped
 * down, or the server ended the call. Access and argument errors are permanent and surface.
 */
export function isTransientError(error: unknown): boolean {
  return (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError ||
    error instanceof NotLeaderError ||
    error instanceof UnknownError
  );
}
