import type { EventStore } from '@referral/event-store';
import { LAG_COUNT_LIMIT } from '@referral/projections';

export interface Lag {
  /** Events after the component's position in the store, counted up to LAG_COUNT_LIMIT. */
  lagEvents: number;
  /** True when `lagEvents` reached the limit: it is at least that many. */
  lagEventsAtLeast: boolean;
  /** Age of the oldest event the component has not taken yet; 0 when it has taken them all. */
  lagSeconds: number;
}

const NONE: Lag = { lagEvents: 0, lagEventsAtLeast: false, lagSeconds: 0 };

/**
 * How far behind the store's `head` a component at `position` is, in events on every backend
 * (positions are not counts: KurrentDB's are byte offsets). Nothing is read for a component at
 * the head; one behind costs a one-event read and a bounded count.
 */
export async function lagOf(
  store: Pick<EventStore, 'readAll' | 'countAfter'>,
  head: bigint | null,
  position: bigint | null,
  now: Date,
): Promise<Lag> {
  if (head === null || (position !== null && position >= head)) return NONE;
  const [next] = await store.readAll({ after: position, maxCount: 1 });
  if (!next) return NONE;
  const counted = await store.countAfter(position, LAG_COUNT_LIMIT);
  return {
    lagEvents: Math.max(counted, 1),
    lagEventsAtLeast: counted >= LAG_COUNT_LIMIT,
    lagSeconds: Math.max(0, Math.floor((now.getTime() - next.recordedAt.getTime()) / 1000)),
  };
}
