import type { ExpectedRevision } from './event-store.port';

/** The stream was not at the revision the caller expected: someone else wrote first. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or -1 when it does not exist. */
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at revision ${actual}, expected ${String(expected)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** The same event ids were appended before, but not as the same batch in the same stream. */
export class IdempotencyConflictError extends Error {
  constructor(readonly streamId: string, readonly eventId: string) {
    super(`Event ${eventId} was already appended, but not as this batch to stream ${streamId}`);
    this.name = 'IdempotencyConflictError';
  }
}

/** The embedded store's data directory is held by another process. */
export class StoreLockedError extends Error {
  constructor(readonly dataDir: string, readonly holderPid: number | null) {
    super(
      `The data directory ${dataDir} is in use by another process` +
        (holderPid ? ` (pid ${holderPid})` : '') +
        '. Stop that process, or point DATA_DIR at another directory.',
    );
    this.name = 'StoreLockedError';
  }
}
