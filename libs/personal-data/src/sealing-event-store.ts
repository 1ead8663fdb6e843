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
} from '@referral/event-store';
import { PERSONAL_DATA_FIELD } from '@referral/case';
import type { PersonalDataVault } from './personal-data-vault';
import { isSealedValue } from './sealed-value';

/**
 * Any event store, with the personal data of every appended event sealed under the key of its
 * stream (one stream per person's case, per volunteer) before it reaches the backend, so no
 * backend ever holds plaintext personal data. Reads hand the sealed values out as they are:
 * only the code that must show or carry personal data opens it, through the vault.
 */
export class SealingEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly vault: PersonalDataVault,
  ) {}

  async appendToStream(streamId: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    return this.inner.appendToStream(streamId, await this.sealEvents(streamId, events), options);
  }

  /** Each stream's events are sealed under that stream's own key. */
  async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    const sealed = await Promise.all(appends.map(async (append) => ({ ...append, events: await this.sealEvents(append.streamId, append.events) })));
    return this.inner.appendToStreams(sealed);
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribe(options: SubscribeOptions): AsyncIterable<RecordedEvent> {
    return this.inner.subscribe(options);
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

  private sealEvents(streamId: string, events: NewEvent[]): Promise<NewEvent[]> {
    return Promise.all(events.map((event) => this.sealEvent(streamId, event)));
  }

  private async sealEvent(streamId: string, event: NewEvent): Promise<NewEvent> {
    const personal = event.data[PERSONAL_DATA_FIELD];
    if (personal === undefined || personal === null || isSealedValue(personal)) return event;
    return { ...event, data: { ...event.data, [PERSONAL_DATA_FIELD]: await this.vault.seal(streamId, personal) } };
  }
}
