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
  /** Positions between `position` and the store's head, when known. */
  lag: bigint | null;
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
 * Log fields for a failure: kinds, codes and positions, never messages, which can quote the
 * values of a row (a pg unique violation does) and so personal data.
 */
export function failureLogFields(error: unknown): Record<string, unknown> {
  const fields: Record<string, unknown> = { errorName: error instanceof Error ? error.name : typeof error };
  const cause = error instanceof ProjectionHandlerError ? error.cause : error;
  if (error instanceof ProjectionHandlerError) {
    Object.assign(fields, { eventId: error.eventId, eventType: error.eventType, eventPosition: String(error.position) });
    fields.causeName = cause instanceof Error ? cause.name : typeof cause;
  }
  const code = (cause as { code?: unknown } | null)?.code;
  if (typeof code === 'string') fields.errorCode = code;
  return fields;
}
