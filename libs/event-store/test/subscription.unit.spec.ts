import type { ReadAllOptions, RecordedEvent } from '@referral/event-store';
import { AppendSignal } from '../src/polling/append-signal';
import { subscription, type SubscriptionSource, type SubscriptionTiming } from '../src/polling/polling-subscription';
import { eventually } from '../../../test/support/eventually';

/** An in-memory log standing in for the table, whose reads can be made to fail. */
class FakeLog implements SubscriptionSource {
  readonly appended = new AppendSignal();
  readonly reads: Array<bigint | null> = [];
  readonly events: RecordedEvent[] = [];
  failuresToCome = 0;
  /** When set, only reads after this position fail (a read ahead, say). */
  failingAfter: bigint | null = null;
  readonly retries: number[] = [];
  readonly timing: SubscriptionTiming;

  constructor(timing: Partial<SubscriptionTiming> = {}) {
    this.timing = {
      pollMinMs: 1,
      pollMaxMs: 4,
      retryInitialMs: 1,
      retryMaxMs: 4,
      onReadError: (_error, _attempt, retryInMs) => this.retries.push(retryInMs),
      ...timing,
    };
  }

  add(count: number): void {
    for (let i = 0; i < count; i++) {
      const position = BigInt(this.events.length * 2 + 1); // gaps, like rolled-back appends leave
      this.events.push({
        id: `e${position}`, type: 'T', data: {}, metadata: { schemaVersion: 1 },
        streamId: 's', revision: this.events.length, position, recordedAt: new Date(),
      });
    }
  }

  async readAll({ after, maxCount }: ReadAllOptions): Promise<RecordedEvent[]> {
    this.reads.push(after ?? null);
    if (this.failuresToCome > 0 && (this.failingAfter === null || this.failingAfter === after)) {
      this.failuresToCome--;
      throw new Error('Connection terminated unexpectedly');
    }
    return this.events.filter((e) => after == null || e.position > after).slice(0, maxCount);
  }
}

describe('subscription', () => {
  const controller = new AbortController();
  afterAll(() => controller.abort());

  it('reads ahead while the consumer takes a full batch, and after a short one only once it has taken it', async () => {
    const log = new FakeLog();
    log.add(7);
    const iterator = subscription(log, null, 3, controller.signal)[Symbol.asyncIterator]();
    const taken = [];
    taken.push((await iterator.next()).value as RecordedEvent);
    // The first batch was full: the store may hold more, so the next read is already on its way.
    expect(log.reads).toEqual([null, 5n]);
    for (let i = 0; i < 3; i++) taken.push((await iterator.next()).value as RecordedEvent);
    expect(log.reads).toEqual([null, 5n, 11n]);
    for (let i = 0; i < 3; i++) taken.push((await iterator.next()).value as RecordedEvent);
    // The read after 11 came back short (one event): nothing more is read until that one is taken.
    expect(log.reads).toEqual([null, 5n, 11n]);
    expect(taken.map((e) => e.position)).toEqual([1n, 3n, 5n, 7n, 9n, 11n, 13n]);
    const next = iterator.next();
    await waitForReads(log, 4);
    expect(log.reads[3]).toBe(13n);
    log.add(1);
    log.appended.notify();
    expect(((await next).value as RecordedEvent).position).toBe(15n);
    await iterator.return?.(undefined);
  });

  it('after a short batch, reads again only on an append (or at the poll), not at once', async () => {
    const log = new FakeLog({ pollMinMs: 3_600_000, pollMaxMs: 3_600_000 });
    log.add(2);
    const iterator = subscription(log, null, 10, controller.signal)[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    const next = iterator.next();
    await new Promise((resolve) => setImmediate(resolve));
    expect(log.reads).toEqual([null]);
    log.add(1);
    log.appended.notify();
    expect(((await next).value as RecordedEvent).position).toBe(5n);
    expect(log.reads).toEqual([null, 3n]);
    await iterator.return?.(undefined);
  });

  it('retries failed reads with doubling, capped backoff and resumes after the last delivered event', async () => {
    const log = new FakeLog();
    log.add(4);
    // The read ahead after the first batch fails, and its retries too, four times.
    log.failuresToCome = 5;
    log.failingAfter = 3n;
    const iterator = subscription(log, null, 2, controller.signal)[Symbol.asyncIterator]();
    const first = [(await iterator.next()).value, (await iterator.next()).value] as RecordedEvent[];
    const rest = [(await iterator.next()).value, (await iterator.next()).value] as RecordedEvent[];
    expect(log.retries).toEqual([1, 2, 4, 4, 4]);
    expect(log.reads.slice(1, 7)).toEqual(Array(6).fill(3n));
    expect([...first, ...rest].map((e) => e.position)).toEqual([1n, 3n, 5n, 7n]);
    await iterator.return?.(undefined);
  });

  it('wakes at once when the store appends, without waiting for the next poll', async () => {
    const log = new FakeLog({ pollMinMs: 3_600_000, pollMaxMs: 3_600_000 });
    const iterator = subscription(log, null, 10, controller.signal)[Symbol.asyncIterator]();
    const next = iterator.next();
    await waitForReads(log, 1);
    log.add(1);
    log.appended.notify();
    expect(((await next).value as RecordedEvent).position).toBe(1n);
    await iterator.return?.(undefined);
  });

  it('ends when the signal aborts while waiting', async () => {
    const log = new FakeLog({ pollMinMs: 3_600_000, pollMaxMs: 3_600_000 });
    const abort = new AbortController();
    const iterator = subscription(log, null, 10, abort.signal)[Symbol.asyncIterator]();
    const next = iterator.next();
    await waitForReads(log, 1);
    abort.abort();
    expect((await next).done).toBe(true);
  });
});

async function waitForReads(log: FakeLog, count: number): Promise<void> {
  await eventually(() => log.reads.length >= count, { what: () => `${count} reads (${log.reads.length} so far)`, everyMs: 1 });
}
