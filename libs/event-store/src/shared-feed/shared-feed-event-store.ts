import { EventStoreDecorator } from '../event-store-decorator';
import type { AppendOptions, AppendResult, EventStore, KnownAfter, NewEvent, RecordedEvent, StreamAppend, SubscribeOptions } from '../event-store.port';
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

  override async appendToStream(streamId: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    const result = await this.inner.appendToStream(streamId, events, options);
    this.feed.notifyAppended(result.position);
    return result;
  }

  override async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    const results = await this.inner.appendToStreams(appends);
    const last = results[results.length - 1];
    if (last) this.feed.notifyAppended(last.position);
    return results;
  }

  override knownAfter(position: bigint | null): KnownAfter {
    return this.feed.knownAfter(position);
  }

  override subscribe(options: SubscribeOptions): AsyncIterable<RecordedEvent> {
    return this.feed.subscribe(options);
  }

  override async close(): Promise<void> {
    this.feed.close();
    await this.inner.close();
  }
}
