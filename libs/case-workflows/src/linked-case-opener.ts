import { randomUUID } from 'node:crypto';
import {
  caseDecider,
  openLinkedCaseCommand,
  type CaseEvent,
  type CaseRecord,
  type PersonLinked,
  type SlaPolicy,
} from '@referral/case';
import { WrongExpectedRevisionError, type EventMetadata, type EventStore, type NewEvent } from '@referral/event-store';
import { deterministicUuid } from './deterministic-id';

export const caseStream = (caseId: string) => `case-${caseId}`;

/**
 * Opens the receiver's case after `PersonLinked`. Its event ids derive from the new case id, so
 * running it again (a retried request, the worker's reaction replayed) appends nothing twice.
 */
export class LinkedCaseOpener {
  constructor(private readonly store: EventStore, private readonly sla: SlaPolicy) {}

  /** Answers the position of the new case's last event. */
  async open(source: CaseRecord, linked: PersonLinked, metadata: Omit<EventMetadata, 'schemaVersion'>): Promise<bigint> {
    const { linkedCaseId } = linked.data;
    const decision = caseDecider.decide(openLinkedCaseCommand(source, linked, this.sla), caseDecider.initialState);
    if (!decision.ok) throw new Error(`Linked case could not open: ${decision.error.code}`);
    const events = decision.events.map((event: CaseEvent, i): NewEvent => ({
      id: deterministicUuid('linked-case', linkedCaseId, String(i)),
      type: event.type,
      data: event.data as unknown as Record<string, unknown>,
      metadata: { schemaVersion: 1, ...metadata },
    }));
    try {
      const result = await this.store.appendToStream(caseStream(linkedCaseId), events, { expectedRevision: 'no-stream' });
      return result.position;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      const written = await this.store.readStream(caseStream(linkedCaseId));
      return written[written.length - 1].position;
    }
  }

  /**
   * The worker's safety net: for a `PersonLinked` read from the store, fold the source case up to
   * that event and open the linked case if the request that linked it died before doing so.
   */
  async openFromRecorded(sourceCaseId: string, revision: number, linked: PersonLinked): Promise<void> {
    const history = await this.store.readStream(caseStream(sourceCaseId), { maxCount: revision + 1 });
    const state = history.reduce(
      (s, e) => caseDecider.evolve(s, { type: e.type, data: e.data } as unknown as CaseEvent),
      caseDecider.initialState,
    );
    if (state.status === 'none') return;
    await this.open(state as CaseRecord, linked, { actor: 'worker', correlationId: randomUUID() });
  }
}
