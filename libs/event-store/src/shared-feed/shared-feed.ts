import { backoffDelay, sleep, type BackoffOptions } from '@referral/resilience';
import { eventBatches, type EventBatch } from '../event-batches';
import type { EventStore, RecordedEvent, SubscribeOptions } from '../event-store.port';
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
}

interface Tail {
  controller: AbortController;
  batches: AsyncGenerator<EventBatch<RecordedEvent>>;
}

type Wake = (error?: unknown) => void;

const NEVER = new AbortController().signal;
/** A reader behind the window that finds nothing after its checkpoint waits this long to look again. */
const EMPTY_BEHIND_WAIT_MS = 25;

/**
 * One subscription to the store for every reader in the process. Its events go into a window of
 * the most recent ones; readers inside the window are served from it, a reader at its end waits
 * for the subscription's next batch, and a reader behind it (slow, failing, or just started)
 * reads the store on its own from its checkpoint until it reaches the window. The window never
 * has a gap, so a reader sees exactly what a subscription of its own would have delivered.
 */
export class SharedFeed {
  private readonly window: FeedWindow;
  private readonly batchSize: number;
  private tail: Tail | null = null;
  private pumping: Promise<void> | null = null;
  private readonly waiters = new Set<Wake>();
  private closed = false;

  constructor(
    private readonly source: EventStore,
    private readonly options: SharedFeedOptions = {},
  ) {
    this.window = new FeedWindow(options.windowSize ?? 5000);
    this.batchSize = options.batchSize ?? 500;
  }

  async *subscribe(options: SubscribeOptions): AsyncGenerator<RecordedEvent> {
    const signal = options.signal ?? NEVER;
    const batchSize = options.batchSize ?? 500;
    let checkpoint = options.after;
    while (!signal.aborted && !this.closed) {
      const answer = this.window.take(checkpoint, batchSize);
      let events: RecordedEvent[] = [];
      if (answer.kind === 'events') events = answer.events;
      else if (answer.kind === 'behind') events = await this.readOnOwn(checkpoint, batchSize, signal);
      else if (answer.kind === 'ahead') this.anchorAt(checkpoint);
      else await this.tailMoved(checkpoint, signal);
      for (const event of events) {
        if (signal.aborted) return;
        checkpoint = event.position;
        yield event;
      }
    }
  }

  /** Ends the one subscription; readers still iterating end too. */
  close(): void {
    this.closed = true;
    this.closeTail();
    this.wakeAll();
  }

  private async readOnOwn(after: bigint | null, maxCount: number, signal: AbortSignal): Promise<RecordedEvent[]> {
    for (let failures = 0; !signal.aborted; ) {
      try {
        const events = await this.source.readAll({ after, maxCount });
        if (events.length === 0) await sleep(EMPTY_BEHIND_WAIT_MS, signal);
        return events;
      } catch (error) {
        if (signal.aborted) break;
        failures++;
        const retryInMs = backoffDelay(failures, this.options.retry ?? { initialMs: 100, maxMs: 5000 });
        this.options.onReadError?.(error, failures, retryInMs);
        await sleep(retryInMs, signal);
      }
    }
    return [];
  }

  /** Starts the window (and the one subscription) again right after `after`. */
  private anchorAt(after: bigint | null): void {
    this.closeTail();
    this.window.anchor(after);
    const controller = new AbortController();
    const events = this.source.subscribe({ after, signal: controller.signal, batchSize: this.batchSize });
    this.tail = { controller, batches: eventBatches(events[Symbol.asyncIterator](), this.batchSize) };
    this.wakeAll(); // readers waiting at the old end are now behind
  }

  /** Resolves when the window has moved past `checkpoint` (or was anchored anew); rejects when its subscription failed. */
  private tailMoved(checkpoint: bigint | null, signal: AbortSignal): Promise<void> {
    if (this.window.take(checkpoint, 1).kind !== 'at-tail' || signal.aborted) return Promise.resolve();
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
      this.pump();
    });
  }

  /** Pulls the one subscription while anyone waits at the window's end. */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = (async () => {
      while (this.waiters.size > 0 && this.tail) {
        const tail = this.tail;
        let next: IteratorResult<EventBatch<RecordedEvent>>;
        try {
          next = await tail.batches.next();
          if (next.done && tail === this.tail) throw new Error('The shared subscription ended without being stopped');
        } catch (error) {
          if (tail !== this.tail) continue; // anchored anew or closed meanwhile: the old subscription was stopped
          this.closeTail();
          this.window.reset();
          this.wakeAll(error);
          continue;
        }
        if (tail !== this.tail || next.done || next.value.events.length === 0) continue;
        this.window.push(next.value.events);
        this.wakeAll();
      }
    })().finally(() => (this.pumping = null));
  }

  private closeTail(): void {
    this.tail?.controller.abort();
    this.tail = null;
  }

  private wakeAll(error?: unknown): void {
    for (const wake of [...this.waiters]) wake(error);
  }
}
