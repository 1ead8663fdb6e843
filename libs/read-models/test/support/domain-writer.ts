import { randomUUID } from 'node:crypto';
import {
  caseDecider,
  defaultSlaPolicy,
  openLinkedCaseCommand,
  volunteerDecider,
  type CaseCommand,
  type CaseEvent,
  type CaseRecord,
  type PersonLinked,
  type ReceiveHandover,
  type RegisterVolunteer,
  type DeactivateVolunteer,
  type VolunteerEvent,
} from '@referral/case';
import type { EventStore, RecordedEvent } from '@referral/event-store';

const asNewEvents = (events: readonly { type: string; data: object }[]) =>
  events.map(({ type, data }) => ({ id: randomUUID(), type, data: { ...data }, metadata: { schemaVersion: 1 } }));

const asDomainEvent = <E>(recorded: RecordedEvent): E => ({ type: recorded.type, data: recorded.data }) as E;

/**
 * Runs commands through the real deciders and appends what they decide to the real store, the
 * way the app does (expected revision, a link opens the receiver's case). Remembers the last
 * position so a test can wait for the read models to get there.
 */
export class DomainWriter {
  lastPosition = 0n;

  constructor(private readonly store: EventStore) {}

  async case(command: CaseCommand): Promise<readonly CaseEvent[]> {
    const stream = `case-${command.caseId}`;
    const history = (await this.store.readStream(stream)).map((e) => asDomainEvent<CaseEvent>(e));
    const state = history.reduce(caseDecider.evolve, caseDecider.initialState);
    const decision = caseDecider.decide(command, state);
    if (!decision.ok) throw new Error(`command ${command.type} refused: ${decision.error.code}`);
    await this.append(stream, decision.events, history.length);
    const linked = decision.events.find((e): e is PersonLinked => e.type === 'PersonLinked');
    if (linked) {
      const after = [...history, ...decision.events].reduce(caseDecider.evolve, caseDecider.initialState) as CaseRecord;
      await this.case(openLinkedCaseCommand(after, linked, defaultSlaPolicy));
    }
    return decision.events;
  }

  /** A handover that the consent rule refuses: only the refusal fact is recorded. */
  async refusedHandover(command: ReceiveHandover): Promise<void> {
    const decision = caseDecider.decide(command, caseDecider.initialState);
    if (decision.ok || !decision.refusal) throw new Error('expected a refusal for consent');
    await this.append(`handover-${command.handover.handoverId}`, [decision.refusal], 0);
  }

  async volunteer(command: RegisterVolunteer | DeactivateVolunteer): Promise<void> {
    const stream = `volunteer-${command.volunteerId}`;
    const history = (await this.store.readStream(stream)).map((e) => asDomainEvent<VolunteerEvent>(e));
    const state = history.reduce(volunteerDecider.evolve, volunteerDecider.initialState);
    const decision = volunteerDecider.decide(command, state);
    if (!decision.ok) throw new Error(`command ${command.type} refused: ${decision.error.code}`);
    await this.append(stream, decision.events, history.length);
  }

  private async append(stream: string, events: readonly { type: string; data: object }[], revisions: number): Promise<void> {
    if (events.length === 0) return;
    const result = await this.store.appendToStream(stream, asNewEvents(events), {
      expectedRevision: revisions === 0 ? 'no-stream' : revisions - 1,
    });
    this.lastPosition = result.position;
  }
}
