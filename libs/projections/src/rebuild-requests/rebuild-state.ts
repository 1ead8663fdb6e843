import type { RebuildProgress } from '../rebuild-progress';
import type { RebuildRequest } from './rebuild-request';

/** Progress as JSON can carry it: positions as decimal strings. */
export type RebuildProgressView = Omit<RebuildProgress, 'position' | 'headPosition'> & {
  position: string | null;
  headPosition: string | null;
};

/**
 * A projection's rebuild as the admin routes answer it. `startedAt` is when it was asked for;
 * `claimedAt` when a worker took it up (`null` while it waits for one).
 */
export type RebuildState =
  | { state: 'idle' }
  | { state: 'running'; progress: RebuildProgressView | null; startedAt: string; claimedAt: string | null }
  | { state: 'finished'; progress: RebuildProgressView | null; startedAt: string; finishedAt: string }
  | { state: 'failed'; error: string; code?: string; startedAt: string; finishedAt: string };

export function progressView(progress: RebuildProgress): RebuildProgressView {
  const text = (position: bigint | null) => (position === null ? null : position.toString());
  return { ...progress, position: text(progress.position), headPosition: text(progress.headPosition) };
}

/** The view's positions back as bigints (the CLI's progress bar). */
export function progressFromView(view: RebuildProgressView): RebuildProgress {
  const position = (text: string | null) => (text === null ? null : BigInt(text));
  return { ...view, position: position(view.position), headPosition: position(view.headPosition) };
}

/** What the admin routes answer for a projection whose latest request is `request` (none: idle). */
export function rebuildStateOf(request: RebuildRequest | null): RebuildState {
  if (!request) return { state: 'idle' };
  const startedAt = request.requestedAt.toISOString();
  const finishedAt = (request.finishedAt ?? request.heartbeatAt ?? request.requestedAt).toISOString();
  switch (request.state) {
    case 'pending':
    case 'running':
      return { state: 'running', progress: request.progress, startedAt, claimedAt: request.startedAt?.toISOString() ?? null };
    case 'finished':
      return { state: 'finished', progress: request.progress, startedAt, finishedAt };
    case 'failed':
      return { state: 'failed', error: request.error ?? 'Error', ...(request.errorCode ? { code: request.errorCode } : {}), startedAt, finishedAt };
  }
}
