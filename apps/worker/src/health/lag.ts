import type { EventStore } from '@referral/event-store';

export interface Lag {
  /** Positions between the component and the store's head. */
  lagEvents: number;
  /** Age of the oldest event the component has not taken yet; 0 when it has taken them all. */
  lagSeconds: number;
}

/** How far behind the head a component at `position` is, with one read of one event. */
export async function lagOf(store: Pick<EventStore, 'readAll'>, head: bigint | null, position: bigint | null, now: Date): Promise<Lag> {
  const [next] = await store.readAll({ after: position, maxCount: 1 });
  if (!next || head === null) return { lagEvents: 0, lagSeconds: 0 };
  const lagEvents = head - (position ?? 0n);
  return {
    lagEvents: Number(lagEvents > 0n ? lagEvents : 1n),
    lagSeconds: Math.max(0, Math.floor((now.getTime() - next.recordedAt.getTime()) / 1000)),
  };
}
