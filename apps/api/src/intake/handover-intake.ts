import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { caseDecider, type Handover, type CaseEvent } from '@referral/case';
import { appendNewStream, caseStream, deterministicUuid, toNewEvents } from '@referral/case-workflows';
import { WrongExpectedRevisionError, type EventStore, type RecordedEvent } from '@referral/event-store';
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
 * POST /handovers. The handover stream is claimed first ("no stream"), then the case is written
 * with ids derived from the case id; a delivery that finds the claim answers from it and, if the
 * first delivery died between the two appends, finishes the case with the same ids.
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
        await this.claim(handover.handoverId, accepted, fingerprint, context);
        const position = await this.writeCase(caseId, decision.events, context);
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

  private writeCase(caseId: string, events: readonly CaseEvent[], context: CommandContext): Promise<bigint> {
    const eventIds = (i: number) => deterministicUuid('case', caseId, String(i));
    return appendNewStream(this.store, caseStream(caseId), toNewEvents(events, { metadata: eventMetadata(context), eventIds }));
  }

  private async claim(
    handoverId: string,
    event: { type: string; data: object },
    fingerprint: string,
    context: CommandContext,
  ): Promise<void> {
    await this.store.appendToStream(
      handoverStream(handoverId),
      toNewEvents([event], { metadata: { ...eventMetadata(context), fingerprint } }),
      { expectedRevision: 'no-stream' },
    );
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
