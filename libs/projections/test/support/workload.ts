import { randomUUID } from 'node:crypto';
import type { EventStore, RecordedEvent } from '@referral/event-store';
import { randomInt } from '../../../../test/support/seeded-random';

/** Appends `count` events over a few streams, in appends of 1..5 events, amounts from `random`. */
export async function appendWorkload(store: EventStore, count: number, random: () => number, streams = 4): Promise<bigint> {
  let last = 0n;
  let left = count;
  while (left > 0) {
    const size = Math.min(left, randomInt(random, 1, 5));
    const streamId = `tally-${randomInt(random, 1, streams)}`;
    const events = Array.from({ length: size }, () => ({
      id: randomUUID(),
      type: 'AmountRecorded',
      data: { amount: randomInt(random, -50, 100) },
      metadata: { schemaVersion: 1 },
    }));
    last = (await store.appendToStream(streamId, events)).position;
    left -= size;
  }
  return last;
}

export async function readEverything(store: EventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (;;) {
    const batch = await store.readAll({ after: all.at(-1)?.position ?? null, maxCount: 1000 });
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}
