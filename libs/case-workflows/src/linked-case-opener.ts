import { randomUUID } from 'node:crypto';
import {
  caseDecider,
  openLinkedCaseCommand,
  type CaseEvent,
  type CaseRecord,
  type PersonLinked,
  type SlaPolicy,
} from '@referral/case';
import type { EventMetadata, EventStore } from '@referral/event-store';
import { appendNewStream } from './append-new-stream';
import { deterministicUuid } from './deterministic-id';
import { toNewEvents } from './event-sourced-stream';

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
    const events = toNewEvents(decision.events, {
      metadata,
      eventIds: (i) => deterministicUuid('linked-case', linkedCaseId, String(i)),
    });
    return appendNewStream(this.store, caseStream(linkedCaseId), events);
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
