import { AccessDeniedError, UnavailableError } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '@referral/event-store';
import { subscribe } from '../../src/kurrentdb/subscribe';
import { FakeLog, FakeSubscriptions, logEvent } from './fake-kurrentdb';

const fast = { initialMs: 1, maxMs: 4 };

describe('KurrentDB subscribe', () => {
  const log = new FakeLog([
    logEvent(10, 'a', 0),
    logEvent(20, '$$a', 0, '$metadata'),
    logEvent(30, 'b', 0),
    logEvent(40, 'a', 1),
    logEvent(50, '$projections-x', 0, 'ProjectionUpdated'),
    logEvent(60, 'b', 1),
  ]);

  async function take(source: FakeSubscriptions, after: bigint | null, count: number): Promise<RecordedEvent[]> {
    const controller = new AbortController();
    const taken: RecordedEvent[] = [];
    for await (const event of subscribe(source, { after, signal: controller.signal }, fast)) {
      taken.push(event);
      if (taken.length === count) break;
    }
    return taken;
  }

  it('delivers domain events in order, after the checkpoint', async () => {
    expect((await take(new FakeSubscriptions(log), null, 4)).map((e) => e.position)).toEqual([10n, 30n, 40n, 60n]);
    expect((await take(new FakeSubscriptions(log), 30n, 2)).map((e) => e.position)).toEqual([40n, 60n]);
  });

  it('resumes after drops from the last delivered event, with no gap and no duplicate', async () => {
    // Drops: an error after 10 and 30; then an end right after the (inclusive) resume event 30.
    const source = new FakeSubscriptions(log, [{ after: 2, error: new UnavailableError() }, { after: 1 }]);
    const events = await take(source, null, 4);
    expect(events.map((e) => e.position)).toEqual([10n, 30n, 40n, 60n]);
    expect(source.opened.map((o) => o.fromPosition)).toEqual([
      'start',
      { commit: 30n, prepare: 30n },
      { commit: 30n, prepare: 30n },
    ]);
  });

  it('surfaces a permanent error', async () => {
    const source = new FakeSubscriptions(log, [{ after: 0, error: new AccessDeniedError() }]);
    await expect(take(source, null, 1)).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it('ends when aborted while waiting, and closes the subscription', async () => {
    const source = new FakeSubscriptions(log);
    const controller = new AbortController();
    const seen: bigint[] = [];
    for await (const event of subscribe(source, { after: 40n, signal: controller.signal }, fast)) {
      seen.push(event.position);
      setTimeout(() => controller.abort(), 5);
    }
    expect(seen).toEqual([60n]);
    expect(source.unsubscribed).toBeGreaterThan(0);
  });
});
