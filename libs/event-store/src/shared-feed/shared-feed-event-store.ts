import { EventStoreDecorator } from '../event-store-decorator';
import type { EventStore, RecordedEvent, SubscribeOptions } from '../event-store.port';
import { SharedFeed, type SharedFeedOptions } from './shared-feed';

/**
 * Any event store whose subscriptions all share one (see SharedFeed): every projection and
 * reaction of a process reads each batch from the store once. Everything else passes through.
 */
export class SharedFeedEventStore extends EventStoreDecorator {
  private readonly feed: SharedFeed;

  constructor(inner: EventStore, options: SharedFeedOptions = {}) {
    super(inner);
    this.feed = new SharedFeed(inner, options);
  }

  override subscribe(options: SubscribeOptions): AsyncIterable<RecordedEvent> {
    return this.feed.subscribe(options);
  }

  override async close(): Promise<void> {
    this.feed.close();
    await this.inner.close();
  }
}
