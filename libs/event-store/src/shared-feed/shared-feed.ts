import { retryForever, sleep, type BackoffOptions, type RetryFailure } from '@referral/resilience';
import { eventBatches, type EventBatch } from '../event-batches';
import type { EventStore, KnownAfter, ReadAllOptions, RecordedEvent, SubscribeOptions } from '../event-store.port';
import { AppendSignal } from '../polling/append-signal';
import { defaultSubscriptionTiming, subscription, type SubscriptionTiming } from '../polling/polling-subscription';
import { FeedWindow } from './feed-window';

export interface SharedFeedOptions {
  /** Most recent events kept for readers that are a little behind. @defaultValue 5000 */
  windowSize?: number;
  /** Most events the one subscription hands on at a time. @defaultValue 500 */
  batchSize?: number;
  /** Waits between failed reads of a reader behind the window. @defaultValue \{ initialMs: 100, maxMs: 5000 \} */
  retry?: BackoffOptions;
  /** Hears every failed read of a reader behind the window, before its retry. */
  onReadError?: (error: unknown, attempt: number, retryInMs: number) => void;
  /** How the one subscription polls for other processes' appends (this process's wake it at once). */
  timing?: Partial<SubscriptionTiming>;
}

interface Tail {
  controller: AbortController;
  batches: AsyncGenerator<EventBatch<RecordedEvent>>;
  /** The last read that came back short of a full batch: the store had nothing after `end` then. */
  lastShortRead: { end: bigint | null; appendMarker: number } | null;
}

type Wake = (error?: unknown) => void;

/** A reader behind the window that finds nothing after its checkpoint waits this long to look again. */
const EMPTY_BEHIND_WAIT_MS = 25;

/**
 * One subscription to the store for every reader in the process. While anyone reads, it follows
 * the store's head (reading at once after an append through it, polling for other processes')
 * and keeps the most recent events in a window; readers inside the window are
 * served from it, a reader at (or just past) its end waits for the subscription's next batch, and
 * a reader behind it (slow, failing, or just started) reads the store on its own from its
 * checkpoint until it reaches the window. The window never has a gap, so a reader sees exactly
 * what a subscription of its own would have delivered.
 */
export class SharedFeed {
  private readonly window: FeedWindow;
  private readonly batchSize: number;
  private tail: Tail | null = null;
  private anchoring: Promise<void> | null = null;
  private readonly waiters = new Set<Wake>();
  private readers = 0;
  private readonly closing = new AbortController();
  private readonly appended = new AppendSignal();
  /** The last position this process appended at (events are known to exist up to it). */
  private lastAppended: bigint | null = null;

  constructor(
    private readonly source: EventStore,
    private readonly options: SharedFeedOptions = {},
  ) {
    this.window = new FeedWindow(options.windowSize ?? 5000);
    this.batchSize = options.batchSize ?? 500;
  }

  async *subscribe(options: SubscribeOptions): AsyncGenerator<RecordedEvent> {
    const signal = options.signal ? AbortSignal.any([options.signal, this.closing.signal]) : this.closing.signal;
    const batchSize = options.batchSize ?? 500;
    let checkpoint = options.after;
    // A reader behind the window (a rebuild) reads its next batch while it applies this one.
    let ahead: { after: bigint | null; read: Promise<RecordedEvent[]> } | null = null;
    this.readers++;
    try {
      while (!signal.aborted) {
        const answer = this.window.take(checkpoint, batchSize);
        let events: RecordedEvent[] = [];
        const prefetched: Promise<RecordedEvent[]> | null = ahead?.after === checkpoint ? ahead.read : null;
        ahead = null;
        if (answer.kind === 'events') events = answer.events;
        else if (answer.kind === 'behind') {
          events = await (prefetched ?? this.readOnOwn(checkpoint, batchSize, signal));
          if (events.length >= batchSize) ahead = this.readAhead(events[events.length - 1]!.position, batchSize, signal);
        } else if (!this.window.isAnchored) await this.anchorAtHead(signal);
        else await this.tailMoved(checkpoint, signal); // at its end, or past it: the subscription is on its way
        for (const event of events) {
          if (signal.aborted) return;
          checkpoint = event.position;
          yield event;
        }
      }
    } finally {
      if (--this.readers === 0) this.stopFollowing();
    }
  }

  /** Tells the one subscription that this process appended up to `position`, so it reads at once. */
  notifyAppended(position: bigint): void {
    if (this.lastAppended === null || position > this.lastAppended) this.lastAppended = position;
    this.appended.notify();
  }

  /**
   * `events` when the window ends after `position` or this process appended after it; `nothing`
   * when the one subscription's last read ended at `position` with nothing after it and this
   * process appended nothing since (a reader there has every event the store had when last
   * asked); else `unknown`.
   */
  knownAfter(position: bigint | null): KnownAfter {
    const appendedAfter = this.lastAppended !== null && (position === null || this.lastAppended > position);
    if (appendedAfter || this.window.endsAfter(position)) return 'events';
    const read = this.tail?.lastShortRead;
    return read && read.end === position && read.appendMarker === this.appended.current ? 'nothing' : 'unknown';
  }

  /** Ends the one subscription; readers still iterating end too. */
  close(): void {
    this.closing.abort(); // readers waiting at the window's end hear it through their signal
    this.stopFollowing();
  }

  private readAhead(after: bigint, maxCount: number, signal: AbortSignal): { after: bigint; read: Promise<RecordedEvent[]> } {
    const read = this.readOnOwn(after, maxCount, signal);
    read.catch(() => undefined); // awaited by the next turn, or dropped when the reader reached the window
    return { after, read };
  }

  private async readOnOwn(after: bigint | null, maxCount: number, signal: AbortSignal): Promise<RecordedEvent[]> {
    const events = (await retryForever(() => this.source.readAll({ after, maxCount }), this.retrying(signal))) ?? [];
    if (events.length === 0) await sleep(EMPTY_BEHIND_WAIT_MS, signal);
    return events;
  }

  /**
   * Starts the window at the store's head and the one subscription after it. Appends take
   * positions in commit order (see the PostgreSQL append), so nothing can still appear before
   * the head; readers behind it read on their own until they reach the window.
   */
  private async anchorAtHead(signal: AbortSignal): Promise<void> {
    this.anchoring ??= (async () => {
      const head = await retryForever(() => this.source.headPosition(), this.retrying(signal));
      if (head !== undefined && !signal.aborted && !this.window.isAnchored) this.follow(head);
    })().finally(() => (this.anchoring = null));
    await this.anchoring;
  }

  private follow(after: bigint | null): void {
    this.window.anchor(after);
    const controller = new AbortController();
    // Called only once the tail below is iterated, so `tail` is set by then.
    const readAll = async (options: ReadAllOptions, appendMarker: number): Promise<RecordedEvent[]> => {
      const events = await this.source.readAll(options);
      const short = events.length < (options.maxCount ?? this.batchSize);
      tail.lastShortRead = short ? { end: events[events.length - 1]?.position ?? options.after ?? null, appendMarker } : null;
      return events;
    };
    const timing = { ...defaultSubscriptionTiming, ...this.options.timing };
    const events = subscription({ readAll, appended: this.appended, timing }, after, this.batchSize, controller.signal);
    const tail: Tail = { controller, batches: eventBatches(events, this.batchSize), lastShortRead: null };
    this.tail = tail;
    void this.pump(tail);
  }

  /** Moves the window along for as long as this tail is the current one. */
  private async pump(tail: Tail): Promise<void> {
    while (this.tail === tail) {
      let next: IteratorResult<EventBatch<RecordedEvent>>;
      try {
        next = await tail.batches.next();
        if (next.done && this.tail === tail) throw new Error('The shared subscription ended without being stopped');
      } catch (error) {
        if (this.tail !== tail) return; // stopped meanwhile
        this.stopFollowing();
        this.wakeAll(error); // the readers waiting fail and start again; the next one anchors anew
        return;
      }
      if (this.tail !== tail || next.done || next.value.events.length === 0) continue;
      this.window.push(next.value.events);
      this.wakeAll();
    }
  }

  /** Resolves when the window has moved past `checkpoint` (or was reset); rejects when its subscription failed. */
  private tailMoved(checkpoint: bigint | null, signal: AbortSignal): Promise<void> {
    const kind = this.window.take(checkpoint, 1).kind;
    if ((kind !== 'at-tail' && kind !== 'ahead') || !this.window.isAnchored || signal.aborted) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const wake: Wake = (error) => {
        this.waiters.delete(wake);
        signal.removeEventListener('abort', onAbort);
        if (error === undefined) resolve();
        else reject(error instanceof Error ? error : new Error(String(error)));
      };
      const onAbort = () => wake();
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiters.add(wake);
    });
  }

  private stopFollowing(): void {
    this.tail?.controller.abort();
    this.tail = null;
    this.window.reset();
  }

  private retrying(signal: AbortSignal) {
    const onReadError = this.options.onReadError;
    return {
      signal,
      backoff: this.options.retry ?? { initialMs: 100, maxMs: 5000 },
      ...(onReadError ? { onFailure: ({ error, attempt, retryInMs }: RetryFailure) => onReadError(error, attempt, retryInMs) } : {}),
    };
  }

  private wakeAll(error?: unknown): void {
    for (const wake of [...this.waiters]) wake(error);
  }
}
