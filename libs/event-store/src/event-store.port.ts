/**
 * The event store port. Every backend (PostgreSQL server, PGlite, KurrentDB) implements it and
 * passes the one contract suite in `libs/event-store/testing`.
 *
 * Positions: `position` is the event's place in the store's global order (bigint, strictly
 * increasing along that order, not necessarily contiguous). `revision` is the event's place in its
 * own stream, starting at 0.
 */

/** Metadata carried by every event. Unknown keys are kept as they are. */
export interface EventMetadata {
  /** Version of the event's data shape; upcasters lift older versions on read. */
  schemaVersion: number;
  correlationId?: string;
  causationId?: string;
  /** Who caused the event (a user or client id); never personal data of a support seeker. */
  actor?: string;
  [key: string]: unknown;
}

/** An event to append. `id` is a UUID chosen by the caller; it makes re-appends idempotent. */
export interface NewEvent<Data = Record<string, unknown>> {
  id: string;
  /** Stable wire name in the past tense, e.g. `CaseReceived`. Never a class name. */
  type: string;
  data: Data;
  metadata: EventMetadata;
}

export interface RecordedEvent<Data = Record<string, unknown>> {
  id: string;
  type: string;
  data: Data;
  metadata: EventMetadata;
  streamId: string;
  revision: number;
  position: bigint;
  recordedAt: Date;
}

/**
 * - `any`: append whatever the stream's state.
 * - `no-stream`: the stream must not exist yet.
 * - `stream-exists`: the stream must have at least one event.
 * - a number: the revision of the stream's last event (so `0` after one event).
 */
export type ExpectedRevision = 'any' | 'no-stream' | 'stream-exists' | number;

export interface AppendOptions {
  /** @defaultValue `'any'` */
  expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event of the stream after the append. */
  nextExpectedRevision: number;
  /** Global position of the last appended event. */
  position: bigint;
}

/** One stream's part of an atomic write to several streams. */
export interface StreamAppend {
  streamId: string;
  events: NewEvent[];
  /** @defaultValue `'any'` */
  expectedRevision?: ExpectedRevision;
}

export interface ReadStreamOptions {
  /** First revision to read (inclusive). @defaultValue 0 */
  fromRevision?: number;
  /** @defaultValue unbounded */
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Read events strictly after this position; `null` reads from the start. @defaultValue null */
  after?: bigint | null;
  /** Batch size. @defaultValue 1000 */
  maxCount?: number;
}

export interface SubscribeOptions {
  /** Deliver events strictly after this position; `null` from the start. */
  after: bigint | null;
  /** Ends the iteration when aborted. */
  signal?: AbortSignal;
  /** Events fetched per read while catching up. @defaultValue 500 */
  batchSize?: number;
}

export type KnownAfter = 'events' | 'nothing' | 'unknown';

export interface EventStore {
  /**
   * Appends events atomically. Appending events whose ids were already appended to this stream,
   * in the same order, is a no-op that answers the original result (also after a restart).
   * @throws WrongExpectedRevisionError when `expectedRevision` does not hold.
   */
  appendToStream(streamId: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /**
   * Appends to several streams (each at most once) in one atomic write: every expected revision
   * holds and all events are written, or nothing is. Positions follow the order of `appends`, so
   * subscribers see the events in that order. Answers one result per append, in that order;
   * the same write again (the same ids in the same batches) answers the original results.
   * @throws WrongExpectedRevisionError naming the first stream whose expectation does not hold.
   */
  appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]>;
  /** The stream's events in revision order; `[]` when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** One batch of events in global order after a position. An empty batch means caught up. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Every event after `after`, in global order, one at a time, each exactly once; waits for new
   * events when caught up; resumes with backoff after a dropped connection. The consumer
   * controls the pace (back-pressure): the next event is fetched only when it asks.
   */
  subscribe(options: SubscribeOptions): AsyncIterable<RecordedEvent>;
  /**
   * Position of the last event in global order as of now; `null` when the store holds none. One
   * indexed read: this is what lag and rebuild progress measure against.
   */
  headPosition(): Promise<bigint | null>;
  /**
   * How many events come after `after` (`null`: from the start) in global order, counting at
   * most `limit`: an answer equal to `limit` means "at least `limit`". Positions are not counts
   * (PostgreSQL leaves gaps, KurrentDB's are byte offsets), so lag in events is counted here.
   * Costs up to `limit` index entries on PostgreSQL, up to `limit` events read on KurrentDB.
   */
  countAfter(after: bigint | null, limit: number): Promise<number>;
  /**
   * Optional: what this process already knows, without a read, of the events after `position`:
   * `events` (it holds some), `nothing` (the store had none when it was last asked: a shared
   * subscription just read to its end there), or `unknown` (ask `readAll`).
   */
  knownAfter?(position: bigint | null): KnownAfter;
  /** Answers when the backend is reachable (health checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
