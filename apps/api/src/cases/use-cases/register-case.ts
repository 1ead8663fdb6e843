import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, isOrgId, type CaseEvent } from '@referral/case';
import { runOptions, newIdOf, type CommandContext } from '../../commands/command-context';
import { throwRefusal } from '../../commands/domain-exception';
import { EventSourcedStream } from '@referral/case-workflows';
import { Policies } from '../../commands/policies';
import { ReadModelFreshness } from '../../commands/read-model-freshness';
import { ApiException } from '../../http/api-exception';
import { caseStream, type HandoverAnswer } from '../../intake/handover-claim';
import { CASE_READ_MODELS } from '../case-work';
import type { RegisterCaseDto } from '../dto/register-case.dto';

export class RegisterCaseCommand {
  constructor(readonly body: RegisterCaseDto, readonly context: CommandContext) {}
}

/** POST /cases: a self-referral or a referral by another actor; the case is the caller's org's. */
@CommandHandler(RegisterCaseCommand)
export class RegisterCaseHandler implements ICommandHandler<RegisterCaseCommand, HandoverAnswer> {
  constructor(
    private readonly stream: EventSourcedStream,
    private readonly policies: Policies,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async execute({ body, context }: RegisterCaseCommand): Promise<HandoverAnswer> {
    const org = context.caller.org;
    if (!isOrgId(org)) throw new ApiException(403, 'forbidden', 'Only a jour or Stödcentrum registers cases');
    const caseId = newIdOf(context, 'case');
    const result = await this.stream.run(
      caseStream(caseId),
      caseDecider,
      () => ({
        type: 'RegisterCase' as const,
        caseId,
        org,
        source: body.source,
        receivedAt: body.receivedAt,
        now: context.now.toISOString(),
        crime: body.crime,
        person: body.person,
        victimBirthDate: body.victimBirthDate,
        area: body.area,
        anonymous: body.anonymous,
        sla: this.policies.sla,
        by: context.caller.sub,
      }),
      throwRefusal,
      runOptions(context, caseStream(caseId)),
    );
    await this.freshness.waitFor(CASE_READ_MODELS, result.position);
    const received = result.events[0] as Extract<CaseEvent, { type: 'CaseReceived' }>;
    return { caseId, routedTo: received.data.org, status: received.data.status };
  }
}
