import type { RebuildProgressView } from './rebuild-state';

export type RebuildRequestState = 'pending' | 'running' | 'finished' | 'failed';

/** One row of `projection_rebuild_requests`. */
export interface RebuildRequest {
  id: string;
  projection: string;
  state: RebuildRequestState;
  /** How many times a worker claimed it; a write names the attempt it belongs to (fencing). */
  attempt: number;
  claimedBy: string | null;
  progress: RebuildProgressView | null;
  /** Name of the error a failed rebuild ended with (never its message: it may quote data). */
  error: string | null;
  errorCode: string | null;
  requestedAt: Date;
  /** The first claim. */
  startedAt: Date | null;
  heartbeatAt: Date | null;
  finishedAt: Date | null;
}

/** A worker's hold on a request: valid while the row is running at this attempt. */
export interface RebuildClaim {
  id: string;
  projection: string;
  attempt: number;
  /** Another worker held it before (it stopped or went quiet); its half-built generation resumes. */
  takenOver: boolean;
}
