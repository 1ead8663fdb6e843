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
import type { Upcasters } from './upcasters';

/** Any event store, with every event it hands out lifted to its latest schema version. */
export class UpcastingEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly upcasters: Upcasters,
  ) {}

  appendToStream(streamId: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    return this.inner.appendToStream(streamId, events, options);
  }

  appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    return this.inner.appendToStreams(appends);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readStream(streamId, options)).map((event) => this.upcasters.upcast(event));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readAll(options)).map((event) => this.upcasters.upcast(event));
  }

  async *subscribe(options: SubscribeOptions): AsyncIterable<RecordedEvent> {
    for await (const event of this.inner.subscribe(options)) yield this.upcasters.upcast(event);
  }

  headPosition(): Promise<bigint | null> {
    return this.inner.headPosition();
  }

  countAfter(after: bigint | null, limit: number): Promise<number> {
    return this.inner.countAfter(after, limit);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
