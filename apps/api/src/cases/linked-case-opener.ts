import { Inject, Injectable } from '@nestjs/common';
import { caseDecider, openLinkedCaseCommand, type CaseRecord, type PersonLinked } from '@referral/case';
import { WrongExpectedRevisionError, type EventMetadata, type EventStore } from '@referral/event-store';
import { EVENT_STORE } from '@referral/platform';
import { deterministicUuid } from '../commands/deterministic-id';
import { toNewEvents } from '../commands/event-sourced-stream';
import { Policies } from '../commands/policies';
import { caseStream } from '../intake/handover-claim';

/**
 * Opens the receiver's case after `PersonLinked`. Its event ids derive from the new case id, so
 * running it again (a retried request, a reaction replayed) appends nothing twice.
 */
@Injectable()
export class LinkedCaseOpener {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly policies: Policies,
  ) {}

  /** Answers the position of the new case's last event. */
  async open(source: CaseRecord, linked: PersonLinked, metadata: Omit<EventMetadata, 'schemaVersion'>): Promise<bigint> {
    const { linkedCaseId } = linked.data;
    const command = openLinkedCaseCommand(source, linked, this.policies.sla);
    const decision = caseDecider.decide(command, caseDecider.initialState);
    if (!decision.ok) throw new Error(`Linked case could not open: ${decision.error.code}`);
    const events = toNewEvents(decision.events, {
      metadata,
      eventIds: (i) => deterministicUuid('linked-case', linkedCaseId, String(i)),
    });
    try {
      const result = await this.store.appendToStream(caseStream(linkedCaseId), events, { expectedRevision: 'no-stream' });
      return result.position;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      const written = await this.store.readStream(caseStream(linkedCaseId));
      return written[written.length - 1].position;
    }
  }
}
