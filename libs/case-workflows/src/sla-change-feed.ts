import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { LoggedSlaChange, SlaChangeLog } from './sla-change-log';
import { slaChangesChannel, type SlaChangeMessage } from './sla-changes';

const SUBSCRIBE_WAIT_MS = 2000;
const PAGE = 500;
/** After a failed read of the log, the next try (a new message also tries at once). */
const RETRY_MS = 1000;

/**
 * One Redis subscription per process, fanned out to every listener in it. A message wakes the
 * feed, which reads the log after the last change it handed on: listeners get every change once,
 * in id order, even when publishers racing each other put their messages on Redis out of order
 * (the log's ids commit in order, so a read never skips one). A subscriber connection can do
 * nothing else, so it is a duplicate of the shared one.
 */
export class SlaChangeFeed {
  private readonly emitter = new EventEmitter();
  private subscriber: Redis | null = null;
  /** The last change handed on; null until the log's head is known. */
  private lastId: bigint | null = null;
  private reading: Promise<void> | null = null;
  private wokenWhileReading = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly log: SlaChangeLog,
  ) {
    this.emitter.setMaxListeners(0);
  }

  async start(): Promise<void> {
    const subscriber = this.redis.duplicate();
    subscriber.on('error', () => undefined);
    subscriber.on('message', (_channel: string, message: string) => {
      const id = messageId(message);
      if (id !== null) this.wake(id);
    });
    this.subscriber = subscriber;
    // Wait for the subscription while Redis answers; without Redis the service still starts, and
    // the subscription is made when Redis comes back (ioredis queues it and re-subscribes).
    const subscribed = subscriber.subscribe(slaChangesChannel(this.prefix)).catch(() => undefined);
    await Promise.race([subscribed, new Promise((resolve) => setTimeout(resolve, SUBSCRIBE_WAIT_MS).unref())]);
    // Live from here on; without the database now, from the first message heard.
    const head = await this.log.head().catch(() => null);
    if (this.lastId === null) this.lastId = head;
  }

  listen(listener: (logged: LoggedSlaChange) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }

  async stop(): Promise<void> {
    this.emitter.removeAllListeners();
    this.subscriber?.disconnect();
    this.subscriber = null;
    if (this.retry) clearTimeout(this.retry);
    await this.reading;
  }

  private wake(heardId: bigint | null): void {
    if (this.subscriber === null) return;
    if (this.lastId === null && heardId !== null) this.lastId = heardId - 1n;
    if (this.reading) {
      this.wokenWhileReading = true;
      return;
    }
    this.reading = this.readNew().finally(() => (this.reading = null));
  }

  private async readNew(): Promise<void> {
    do {
      this.wokenWhileReading = false;
      try {
        for (let page = PAGE; page === PAGE && this.lastId !== null && this.subscriber; ) {
          const changes = await this.log.after(this.lastId, 'all', PAGE);
          for (const logged of changes) {
            this.lastId = BigInt(logged.id);
            this.emitter.emit('change', logged);
          }
          page = changes.length;
        }
      } catch {
        // The database is away: the next message, or this timer, reads again from the same id.
        this.retry ??= setTimeout(() => {
          this.retry = null;
          this.wake(null);
        }, RETRY_MS).unref();
        return;
      }
    } while (this.wokenWhileReading && this.subscriber);
  }
}

function messageId(message: string): bigint | null {
  try {
    const { id } = JSON.parse(message) as Partial<SlaChangeMessage>;
    return typeof id === 'string' && /^\d{1,18}$/.test(id) ? BigInt(id) : null;
  } catch {
    return null; // Not ours: ignore.
  }
}
