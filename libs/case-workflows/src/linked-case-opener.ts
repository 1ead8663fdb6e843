import { randomUUID } from 'node:crypto';
import {
  caseDecider,
  openLinkedCaseCommand,
  type CaseEvent,
  type CaseRecord,
  type PersonLinked,
  type PersonalData,
  type SlaPolicy,
} from '@referral/case';
import type { EventMetadata, EventStore } from '@referral/event-store';
import { appendNewStream } from './append-new-stream';
import { deterministicUuid } from './deterministic-id';
import { toNewEvents } from './event-sourced-stream';

export const caseStream = (caseId: string) => `case-${caseId}`;

/** Opens sealed personal data (null once erased); anything not sealed comes back as it is. */
export interface PersonalDataOpener {
  openIfSealed(value: unknown): Promise<unknown>;
}

const passThrough: PersonalDataOpener = { openIfSealed: async (value) => value };

/**
 * Opens the receiver's case after `PersonLinked`. Its event ids derive from the new case id, so
 * running it again (a retried request, the worker's reaction replayed) appends nothing twice.
 */
export class LinkedCaseOpener {
  constructor(
    private readonly store: EventStore,
    private readonly sla: SlaPolicy,
    private readonly personalData: PersonalDataOpener = passThrough,
  ) {}

  /** Answers the position of the new case's last event. */
  async open(source: CaseRecord, linked: PersonLinked, metadata: Omit<EventMetadata, 'schemaVersion'>): Promise<bigint> {
    const { linkedCaseId } = linked.data;
    // The person's data travels to the receiver's case in plain form, to be sealed there under
    // that case's own key: each party's record is erased on its own.
    const opened = await this.openPersonalData(source, linked);
    const decision = caseDecider.decide(openLinkedCaseCommand(opened.source, opened.linked, this.sla), caseDecider.initialState);
    if (!decision.ok) throw new Error(`Linked case could not open: ${decision.error.code}`);
    const events = toNewEvents(decision.events, {
      metadata,
      eventIds: (i) => deterministicUuid('linked-case', linkedCaseId, String(i)),
    });
    return appendNewStream(this.store, caseStream(linkedCaseId), events);
  }

  private async openPersonalData(source: CaseRecord, linked: PersonLinked): Promise<{ source: CaseRecord; linked: PersonLinked }> {
    const sourceData = (await this.personalData.openIfSealed(source.personalData)) as CaseRecord['personalData'] | undefined;
    const linkData = linked.data.personalData === undefined ? undefined : await this.personalData.openIfSealed(linked.data.personalData);
    return {
      source: { ...source, personalData: sourceData ?? null },
      linked: {
        ...linked,
        data: { ...linked.data, personalData: (linkData ?? undefined) as PersonalData | undefined },
      },
    };
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
