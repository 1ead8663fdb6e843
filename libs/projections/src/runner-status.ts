import { errorFields } from '@referral/resilience';
import { ProjectionHandlerError } from './errors';
import type { Position } from './positions';

/**
 * - `starting`: loading the checkpoint.
 * - `catching-up`: events are waiting to be applied.
 * - `caught-up`: every event the store had when last asked is applied.
 * - `failing`: the last batch failed; retrying with backoff (see `lastError`).
 * - `stopped`: not running.
 */
export type RunnerState = 'starting' | 'catching-up' | 'caught-up' | 'failing' | 'stopped';

export interface ProjectionStatus {
  projection: string;
  state: RunnerState;
  /** Generation written to; `null` before the first checkpoint is loaded. */
  generation: number | null;
  /** Position of the last event applied to that generation (committed). */
  position: Position;
  /**
   * Events after `position` in the store, when known: counted at most every few seconds (up to
   * 10,000, which then means "at least"), estimated from the batches applied in between.
   */
  lag: number | null;
  /** Events applied since this runner started. */
  eventsApplied: number;
  /** Message of the last failure while `failing`, else `null`. */
  lastError: string | null;
  failingSince: Date | null;
}

export function initialStatus(projection: string): ProjectionStatus {
  return {
    projection,
    state: 'stopped',
    generation: null,
    position: null,
    lag: null,
    eventsApplied: 0,
    lastError: null,
    failingSince: null,
  };
}

/**
 * Log fields for a failure: the error's name, code and message (see errorFields: never pg's
 * `detail`, which quotes row values), and for a handler the event's id, type and position.
 */
export function failureLogFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof ProjectionHandlerError)) return { error: errorFields(error) };
  return {
    error: errorFields(error),
    cause: errorFields(error.cause),
    eventId: error.eventId,
    eventType: error.eventType,
    eventPosition: String(error.position),
  };
}
