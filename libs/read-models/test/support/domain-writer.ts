import { randomUUID } from 'node:crypto';
import {
  caseDecider,
  defaultSlaPolicy,
  openLinkedCaseCommand,
  trainingDecider,
  volunteerDecider,
  type CaseCommand,
  type CaseEvent,
  type CaseRecord,
  type CaseState,
  type PersonLinked,
  type ReceiveHandover,
  type RecordTraining,
  type VolunteerCommand,
} from '@referral/case';
import type { EventStore, RecordedEvent } from '@referral/event-store';

const asNewEvents = (events: readonly { type: string; data: object }[]) =>
  events.map(({ type, data }) => ({ id: randomUUID(), type, data: { ...data }, metadata: { schemaVersion: 1 } }));

interface Decider<C, E, S> {
  decide(command: C, state: S): { ok: true; events: readonly E[] } | { ok: false; error: { code: string } };
  evolve(state: S, event: E): S;
  initialState: S;
}

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
    const { history, events } = await this.decideAndAppend(`case-${command.caseId}`, caseDecider, command);
    const linked = events.find((e): e is PersonLinked => e.type === 'PersonLinked');
    if (linked) {
      const after = [...history, ...events].reduce(caseDecider.evolve, caseDecider.initialState) as CaseRecord;
      await this.case(openLinkedCaseCommand(after, linked, defaultSlaPolicy));
    }
    return events;
  }

  /** A case folded from its stream, as the decider sees it. */
  async caseState(caseId: string): Promise<CaseState> {
    const history = (await this.store.readStream(`case-${caseId}`)).map((e) => asDomainEvent<CaseEvent>(e));
    return history.reduce(caseDecider.evolve, caseDecider.initialState);
  }

  /** `CheckDeadlines` as a deadline timer or reconciliation sends it at `now`. */
  checkDeadlines(caseId: string, now: string): Promise<readonly CaseEvent[]> {
    return this.case({ type: 'CheckDeadlines', caseId, now });
  }

  /** `CheckTriageWait` as the triage-wait timer or reconciliation sends it at `now`. */
  checkTriageWait(caseId: string, now: string): Promise<readonly CaseEvent[]> {
    return this.case({ type: 'CheckTriageWait', caseId, now });
  }

  /** A handover that the consent rule refuses: only the refusal fact is recorded. */
  async refusedHandover(command: ReceiveHandover): Promise<void> {
    const decision = caseDecider.decide(command, caseDecider.initialState);
    if (decision.ok || !decision.refusal) throw new Error('expected a refusal for consent');
    await this.append(`handover-${command.handover.handoverId}`, [decision.refusal], 0);
  }

  async volunteer(command: VolunteerCommand): Promise<void> {
    await this.decideAndAppend(`volunteer-${command.volunteerId}`, volunteerDecider, command);
  }

  async training(command: RecordTraining): Promise<void> {
    await this.decideAndAppend(`training-${command.trainingId}`, trainingDecider, command);
  }

  /** Appends events as given, e.g. as an earlier version of the deciders wrote them. */
  async appendAsWritten(stream: string, events: readonly { type: string; data: object }[]): Promise<void> {
    await this.append(stream, events, (await this.store.readStream(stream)).length);
  }

  private async decideAndAppend<C extends { type: string }, E extends { type: string; data: object }, S>(
    stream: string,
    decider: Decider<C, E, S>,
    command: C,
  ): Promise<{ history: E[]; events: readonly E[] }> {
    const history = (await this.store.readStream(stream)).map((e) => asDomainEvent<E>(e));
    const decision = decider.decide(command, history.reduce(decider.evolve, decider.initialState));
    if (!decision.ok) throw new Error(`command ${command.type} refused: ${decision.error.code}`);
    await this.append(stream, decision.events, history.length);
    return { history, events: decision.events };
  }

  private async append(stream: string, events: readonly { type: string; data: object }[], revisions: number): Promise<void> {
    if (events.length === 0) return;
    const result = await this.store.appendToStream(stream, asNewEvents(events), {
      expectedRevision: revisions === 0 ? 'no-stream' : revisions - 1,
    });
    this.lastPosition = result.position;
  }
}
