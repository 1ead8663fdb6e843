import type { RecordedEvent } from '@referral/event-store';

/** The checkpoint is not where this runner left it: another runner moved it. Benign: re-read it. */
export class CheckpointMovedError extends Error {
  constructor(readonly projection: string, readonly expected: bigint | null, readonly actual: bigint | null) {
    super(`Checkpoint of ${projection} is at ${String(actual)}, expected ${String(expected)}`);
    this.name = 'CheckpointMovedError';
  }
}

/** Another generation became active while this runner followed the old one. Benign: hand over. */
export class GenerationSwappedError extends Error {
  constructor(readonly projection: string, readonly generation: number, readonly active: number | null) {
    super(`Projection ${projection} generation ${generation} is no longer active (now ${String(active)})`);
    this.name = 'GenerationSwappedError';
  }
}

/** The generation a runner writes to was dropped (a finished or abandoned rebuild). */
export class GenerationGoneError extends Error {
  constructor(readonly projection: string, readonly generation: number) {
    super(`Projection ${projection} has no generation ${generation}`);
    this.name = 'GenerationGoneError';
  }
}

export class ProjectionNotRegisteredError extends Error {
  constructor(readonly projection: string) {
    super(`Projection ${projection} is not registered; call ProjectionRegistry.ensure first`);
    this.name = 'ProjectionNotRegisteredError';
  }
}

/** A handler threw. Names the event by id, type and position only: its data may be personal. */
export class ProjectionHandlerError extends Error {
  readonly eventId: string;
  readonly eventType: string;
  readonly position: bigint;

  constructor(readonly projection: string, event: RecordedEvent, override readonly cause: unknown) {
    super(
      `Projection ${projection} failed on event ${event.type} at position ${event.position}: ` +
        (cause instanceof Error ? cause.message : String(cause)),
    );
    this.name = 'ProjectionHandlerError';
    this.eventId = event.id;
    this.eventType = event.type;
    this.position = event.position;
  }
}

export class WaitForPositionTimeoutError extends Error {
  constructor(
    readonly projection: string,
    readonly wanted: bigint,
    readonly reached: bigint | null,
    readonly timeoutMs: number,
  ) {
    super(
      `Read model ${projection} did not reach position ${wanted} within ${timeoutMs} ms ` +
        `(it is at ${reached === null ? 'the start' : String(reached)})`,
    );
    this.name = 'WaitForPositionTimeoutError';
  }
}
