import type { StreamAppend } from './event-store.port';

/** Refuses what no backend could write as one atomic multi-stream append. */
export function checkStreamAppends(appends: readonly StreamAppend[]): void {
  if (appends.length === 0) throw new RangeError('appendToStreams needs at least one stream');
  const seen = new Set<string>();
  for (const { streamId, events } of appends) {
    if (events.length === 0) throw new RangeError(`Nothing to append to stream ${streamId}`);
    if (seen.has(streamId)) throw new RangeError(`Stream ${streamId} appears twice in one appendToStreams`);
    seen.add(streamId);
  }
}
