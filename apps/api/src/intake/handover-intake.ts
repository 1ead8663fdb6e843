import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { caseDecider, type Handover, type CaseEvent } from '@referral/case';
import { appendNewStream, caseStream, deterministicUuid, toNewEvents } from '@referral/case-workflows';
import { WrongExpectedRevisionError, type EventStore, type NewEvent, type RecordedEvent } from '@referral/event-store';
import type { PersonalDataVault } from '@referral/personal-data';
import { EVENT_STORE, PERSONAL_DATA_VAULT } from '@referral/platform';
import { domainException } from '../commands/domain-exception';
import { eventMetadata, type CommandContext } from '../commands/command-context';
import { Policies } from '../commands/policies';
import { ApiException } from '../http/api-exception';
import { handoverStream, type HandoverAccepted, type HandoverAnswer } from './handover-claim';
import { handoverFingerprint } from './handover-fingerprint';

export interface IntakeResult {
  created: boolean;
  answer: HandoverAnswer;
  /** Position of the case's last event, for read-your-writes. */
  position: bigint;
}

/**
 * POST /handovers. The claim on the handover stream ("no stream") and the case's first events are
 * one atomic write, so a claim never exists without its case; a delivery that loses the claim
 * answers from it. A store written before that (claim and case were two appends) may hold a claim
 * whose delivery died before its case: a redelivery finishes the case with the same ids.
 */
@Injectable()
export class HandoverIntake {
  private fingerprintSecret: Promise<Buffer> | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly policies: Policies,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  private fingerprintKey(): Promise<Buffer> {
    this.fingerprintSecret ??= this.vault.systemSecret('handover-fingerprint').catch((error: unknown) => {
      this.fingerprintSecret = null;
      throw error;
    });
    return this.fingerprintSecret;
  }

  async receive(handover: Handover, context: CommandContext): Promise<IntakeResult> {
    const fingerprint = handoverFingerprint(handover, await this.fingerprintKey());
    for (;;) {
      // Optimistic: claim first; only a delivery that loses the claim reads what the winner wrote.
      const caseId = randomUUID();
      const decision = caseDecider.decide(this.command(handover, caseId, context), caseDecider.initialState);
      try {
        if (!decision.ok) {
          if (decision.refusal) await this.claim(handover.handoverId, decision.refusal, fingerprint, context);
          throw domainException(decision.error);
        }
        const accepted = acceptedEvent(handover.handoverId, caseId, decision.events[0], context);
        const position = await this.claimWithCase(accepted, decision.events, fingerprint, context);
        return { created: true, answer: answerOf(accepted), position };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        const claim = await this.store.readStream(handoverStream(handover.handoverId), { maxCount: 1 });
        if (claim.length > 0) return this.answerFromClaim(claim[0], fingerprint, handover, context);
      }
    }
  }

  private async answerFromClaim(
    claim: RecordedEvent,
    fingerprint: string,
    handover: Handover,
    context: CommandContext,
  ): Promise<IntakeResult> {
    if (claim.metadata.fingerprint !== fingerprint) {
      throw new ApiException(409, 'handover-conflict', 'This handoverId was received before with a different body; the first one stands');
    }
    if (claim.type !== 'HandoverAccepted') {
      throw new ApiException(422, 'consent-required', 'The handover lacks the consent it needs; nothing personal was stored');
    }
    const accepted = { type: 'HandoverAccepted', data: claim.data } as HandoverAccepted;
    const position = await this.finishCase(accepted, handover, context);
    return { created: false, answer: answerOf(accepted), position };
  }

  /** The case stream exists unless the first delivery died after its claim; then write it now. */
  private async finishCase(accepted: HandoverAccepted, handover: Handover, context: CommandContext): Promise<bigint> {
    const existing = await this.store.readStream(caseStream(accepted.data.caseId));
    if (existing.length > 0) return existing[existing.length - 1].position;
    const decision = caseDecider.decide(this.command(handover, accepted.data.caseId, context), caseDecider.initialState);
    if (!decision.ok) throw domainException(decision.error);
    return this.writeCase(accepted.data.caseId, decision.events, context);
  }

  /** The claim and the case in one write; the answer is the case's last position. */
  private async claimWithCase(
    accepted: HandoverAccepted,
    events: readonly CaseEvent[],
    fingerprint: string,
    context: CommandContext,
  ): Promise<bigint> {
    const [, written] = await this.store.appendToStreams([
      { streamId: handoverStream(accepted.data.handoverId), events: claimEvents(accepted, fingerprint, context), expectedRevision: 'no-stream' },
      { streamId: caseStream(accepted.data.caseId), events: caseEvents(accepted.data.caseId, events, context), expectedRevision: 'no-stream' },
    ]);
    return written!.position;
  }

  /** Only for a store from before the one-write intake: its claim may lack its case. */
  private writeCase(caseId: string, events: readonly CaseEvent[], context: CommandContext): Promise<bigint> {
    return appendNewStream(this.store, caseStream(caseId), caseEvents(caseId, events, context));
  }

  private async claim(handoverId: string, event: { type: string; data: object }, fingerprint: string, context: CommandContext): Promise<void> {
    await this.store.appendToStream(handoverStream(handoverId), claimEvents(event, fingerprint, context), { expectedRevision: 'no-stream' });
  }

  private command(handover: Handover, caseId: string, context: CommandContext) {
    return {
      type: 'ReceiveHandover' as const,
      caseId,
      handover,
      now: context.now.toISOString(),
      coverage: this.policies.coverage,
      sla: this.policies.sla,
      by: context.caller.sub,
    };
  }
}

function claimEvents(event: { type: string; data: object }, fingerprint: string, context: CommandContext): NewEvent[] {
  return toNewEvents([event], { metadata: { ...eventMetadata(context), fingerprint } });
}

/** Ids derived from the case id, so finishing an old half-written case writes the same events. */
function caseEvents(caseId: string, events: readonly CaseEvent[], context: CommandContext): NewEvent[] {
  const eventIds = (i: number) => deterministicUuid('case', caseId, String(i));
  return toNewEvents(events, { metadata: eventMetadata(context), eventIds });
}

function acceptedEvent(handoverId: string, caseId: string, received: CaseEvent, context: CommandContext): HandoverAccepted {
  return {
    type: 'HandoverAccepted',
    data: {
      handoverId,
      caseId,
      routedTo: received.data.org,
      status: received.type === 'CaseReceived' ? received.data.status : 'open',
      at: context.now.toISOString(),
    },
  };
}

function answerOf(accepted: HandoverAccepted): HandoverAnswer {
  const { caseId, routedTo, status } = accepted.data;
  return { caseId, routedTo, status };
}
