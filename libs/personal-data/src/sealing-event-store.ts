import { EventStoreDecorator, type AppendOptions, type AppendResult, type EventStore, type NewEvent, type StreamAppend } from '@referral/event-store';
import { PERSONAL_DATA_FIELD } from '@referral/case';
import type { PersonalDataVault } from './personal-data-vault';
import { isSealedValue } from './sealed-value';

/**
 * Any event store, with the personal data of every appended event sealed under the key of its
 * stream (one stream per person's case, per volunteer) before it reaches the backend, so no
 * backend ever holds plaintext personal data. Reads hand the sealed values out as they are:
 * only the code that must show or carry personal data opens it, through the vault.
 */
export class SealingEventStore extends EventStoreDecorator {
  constructor(
    inner: EventStore,
    private readonly vault: PersonalDataVault,
  ) {
    super(inner);
  }

  override async appendToStream(streamId: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    return this.inner.appendToStream(streamId, await this.sealEvents(streamId, events), options);
  }

  /** Each stream's events are sealed under that stream's own key. */
  override async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    const sealed = await Promise.all(appends.map(async (append) => ({ ...append, events: await this.sealEvents(append.streamId, append.events) })));
    return this.inner.appendToStreams(sealed);
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
