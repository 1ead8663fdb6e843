import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeOptions,
} from '../event-store.port';
import { appendToStream } from './append';
import type { BackoffOptions } from '@referral/resilience';
import { appendToStreams } from './append-to-streams';
import { countAfter, headPosition } from './head-and-count';
import { ping } from './ping';
import { readAll } from './read-all';
import { readStream } from './read-stream';
import { subscribe } from './subscribe';

export interface KurrentDbEventStoreOptions {
  /** Delays between attempts to re-open a dropped subscription. */
  resubscribe?: BackoffOptions;
  /** @defaultValue 5000 */
  pingTimeoutMs?: number;
  /**
   * How many of a stream's last events an `any`/`stream-exists` append searches for its ids,
   * to answer a retry durably (KurrentDB itself only checks exact expectations durably).
   * @defaultValue 1000
   */
  idempotencyWindow?: number;
}

/** The event store port over KurrentDB's gRPC client. */
export class KurrentDbEventStore implements EventStore {
  private readonly closing = new AbortController();

  constructor(
    private readonly client: KurrentDBClient,
    private readonly options: KurrentDbEventStoreOptions = {},
  ) {}

  /** E.g. `kurrentdb://localhost:2113?tls=false`. */
  static connect(connectionString: string, options?: KurrentDbEventStoreOptions): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString), options);
  }

  appendToStream(streamId: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    return appendToStream(this.client, streamId, events, options ?? {}, this.options.idempotencyWindow ?? 1000);
  }

  /** Needs KurrentDB 25.1 or later (multi-stream append). */
  appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    return appendToStreams(this.client, appends, this.options.idempotencyWindow ?? 1000);
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return readStream(this.client, streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return readAll(this.client, options);
  }

  subscribe(options: SubscribeOptions): AsyncIterable<RecordedEvent> {
    // Closing the store ends every subscription instead of leaving it retrying a disposed client.
    const signal = options.signal ? AbortSignal.any([options.signal, this.closing.signal]) : this.closing.signal;
    return subscribe(this.client, { ...options, signal }, this.options.resubscribe);
  }

  headPosition(): Promise<bigint | null> {
    return headPosition(this.client);
  }

  countAfter(after: bigint | null, limit: number): Promise<number> {
    return countAfter(this.client, after, limit);
  }

  ping(): Promise<void> {
    return ping(this.client, this.options.pingTimeoutMs ?? 5000);
  }

  async close(): Promise<void> {
    this.closing.abort();
    await this.client.dispose();
  }
}
