import { EventStoreDecorator } from '../event-store-decorator';
import type { EventStore, ReadAllOptions, ReadStreamOptions, RecordedEvent, SubscribeOptions } from '../event-store.port';
import type { Upcasters } from './upcasters';

/** Any event store, with every event it hands out lifted to its latest schema version. */
export class UpcastingEventStore extends EventStoreDecorator {
  constructor(
    inner: EventStore,
    private readonly upcasters: Upcasters,
  ) {
    super(inner);
  }

  override async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readStream(streamId, options)).map((event) => this.upcasters.upcast(event));
  }

  override async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readAll(options)).map((event) => this.upcasters.upcast(event));
  }

  override async *subscribe(options: SubscribeOptions): AsyncIterable<RecordedEvent> {
    for await (const event of this.inner.subscribe(options)) yield this.upcasters.upcast(event);
  }
}
