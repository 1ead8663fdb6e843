import { randomBytes, randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, RecordedEvent } from '@referral/event-store';

/** A stream id no other test uses, because a shared backend (KurrentDB) is not wiped between tests. */
export function uniqueStreamId(prefix = 'contract'): string {
  return `${prefix}-${randomBytes(8).toString('hex')}`;
}

export function newEvent(type = 'ThingHappened', data: Record<string, unknown> = {}): NewEvent {
  return { id: randomUUID(), type, data, metadata: { schemaVersion: 1 } };
}

export function newEvents(count: number, type = 'ThingHappened'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => newEvent(type, { index }));
}

export async function expectRejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected a rejection, but the promise resolved');
}

/**
 * Consumes a subscription until `wanted` events pass `filter`, then aborts it. Fails after
 * `timeoutMs` with what it had, so a missing event is a clear failure rather than a hang.
 */
export async function takeFromSubscription(
  store: EventStore,
  after: bigint | null,
  filter: (event: RecordedEvent) => boolean,
  wanted: number,
  timeoutMs = 10_000,
): Promise<{ events: RecordedEvent[]; lastDelivered: bigint | null }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const events: RecordedEvent[] = [];
  let lastDelivered = after;
  try {
    for await (const event of store.subscribe({ after, signal: controller.signal, batchSize: 3 })) {
      lastDelivered = event.position;
      if (filter(event)) events.push(event);
      if (events.length === wanted) break;
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  if (events.length < wanted) {
    throw new Error(`Subscription delivered ${events.length} of ${wanted} events within ${timeoutMs} ms`);
  }
  return { events, lastDelivered };
}

export function inStreams(...streamIds: string[]): (event: RecordedEvent) => boolean {
  const wanted = new Set(streamIds);
  return (event) => wanted.has(event.streamId);
}

export function ids(events: readonly { id: string }[]): string[] {
  return events.map((event) => event.id);
}
