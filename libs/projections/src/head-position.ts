import type { EventStore } from '@referral/event-store';
import type { Position } from './positions';

/**
 * Position of the last event in the store, or `null` when it is empty, found through the port
 * alone: gallop upwards with one-event reads until nothing follows, then bisect. Costs about
 * 2·log2(head) tiny indexed reads, and works on any backend whatever its position numbering.
 */
export async function findHeadPosition(store: Pick<EventStore, 'readAll'>): Promise<Position> {
  const firstAfter = async (after: bigint | null): Promise<bigint | null> => {
    const [event] = await store.readAll({ after, maxCount: 1 });
    return event ? event.position : null;
  };
  let known = await firstAfter(null);
  if (known === null) return null;
  let step = 1n;
  let beyond: bigint;
  for (;;) {
    const probe = await firstAfter(known + step - 1n);
    if (probe === null) {
      beyond = known + step - 1n;
      break;
    }
    known = probe;
    step *= 2n;
  }
  // Invariant: an event at `known`, none after `beyond`.
  while (beyond > known) {
    const middle = known + (beyond - known + 1n) / 2n;
    const probe = await firstAfter(middle - 1n);
    if (probe === null) beyond = middle - 1n;
    else known = probe;
  }
  return known;
}
