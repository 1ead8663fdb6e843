import { migrate, toBigInt, type SqlClient } from '@referral/sql';
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
import { checkStreamAppends } from '../stream-appends';
import { executeAppend, executeAppendToStreams } from './append-call';
import { AppendSignal } from '../polling/append-signal';
import { EVENT_COLUMNS, toRecordedEvent, type RecordedEventRow } from './recorded-event-row';
import { eventStoreMigrations } from './schema';
import { defaultSubscriptionTiming, sharedReads, subscription, type SubscriptionTiming } from '../polling/polling-subscription';

export interface PostgresEventStoreOptions {
  /** Polling and retry intervals of subscriptions. */
  subscriptionTiming?: Partial<SubscriptionTiming>;
  /** Close the SqlClient when the store closes. @defaultValue false (the caller owns the client) */
  closeClient?: boolean;
}

/** The event store on PostgreSQL: the same code on a server (`pg`) and on embedded PGlite. */
export class PostgresEventStore implements EventStore {
  private readonly appended = new AppendSignal();
  /** Caught-up subscribers woken by one append share one read. */
  private readonly subscriptionReads = sharedReads((options) => this.readAll(options));
  private readonly closing = new AbortController();
  private readonly timing: SubscriptionTiming;

  private constructor(
    readonly sql: SqlClient,
    private readonly options: PostgresEventStoreOptions,
  ) {
    this.timing = { ...defaultSubscriptionTiming, ...options.subscriptionTiming };
  }

  /** Applies the store's migrations (idempotent) and answers the store. */
  static async create(client: SqlClient, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    await migrate(client, eventStoreMigrations);
    return new PostgresEventStore(client, options);
  }

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const result = await executeAppend(this.sql, streamId, events, options.expectedRevision ?? 'any');
    this.appended.notify();
    return result;
  }

  /** One statement (es_append_to_streams); the append lock its first stream takes is held to its commit. */
  async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    checkStreamAppends(appends);
    const results = await executeAppendToStreams(this.sql, appends);
    this.appended.notify();
    return results;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.sql.query<RecordedEventRow>(
      `SELECT ${EVENT_COLUMNS} FROM es_events e WHERE e.stream_id = $1 AND e.revision >= $2 ORDER BY e.revision LIMIT $3`,
      [streamId, options.fromRevision ?? 0, options.maxCount ?? null],
    );
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.sql.query<RecordedEventRow>(
      `SELECT ${EVENT_COLUMNS} FROM es_events e WHERE e.position > $1 ORDER BY e.position LIMIT $2`,
      [String(options.after ?? 0n), options.maxCount ?? 1000],
    );
    return rows.map(toRecordedEvent);
  }

  subscribe(options: SubscribeOptions): AsyncIterable<RecordedEvent> {
    const signal = options.signal
      ? AbortSignal.any([options.signal, this.closing.signal])
      : this.closing.signal;
    const source = { readAll: this.subscriptionReads, appended: this.appended, timing: this.timing };
    return subscription(source, options.after, options.batchSize ?? 500, signal);
  }

  async headPosition(): Promise<bigint | null> {
    const { rows } = await this.sql.query<{ head: unknown }>('SELECT max(position) AS head FROM es_events');
    const head = rows[0]?.head;
    return head === null || head === undefined ? null : toBigInt(head);
  }

  /**
   * Exact up to `limit`: `head - after` would count the gaps too. Identity values are drawn
   * inside the append's transaction, so every append that rolls back after its INSERT (a
   * multi-stream append whose later stream's expectation fails, a process killed mid-commit)
   * leaves a hole, and so does a crash, which loses up to 32 values PostgreSQL logs ahead.
   */
  async countAfter(after: bigint | null, limit: number): Promise<number> {
    if (limit <= 0) return 0;
    const { rows } = await this.sql.query<{ events: unknown }>(
      `SELECT count(*) AS events FROM (SELECT 1 FROM es_events e WHERE e.position > $1 ORDER BY e.position LIMIT $2) AS later`,
      [String(after ?? 0n), Math.floor(limit)],
    );
    return Number(rows[0]?.events ?? 0);
  }

  async ping(): Promise<void> {
    await this.sql.query('SELECT 1');
  }

  /** Ends every subscription of this store; closes the client only when asked to at create. */
  async close(): Promise<void> {
    this.closing.abort();
    if (this.options.closeClient) await this.sql.close();
  }
}
