import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import { hasRole } from '../../auth/caller';
import { ApiException } from '../../http/api-exception';
import { CaseWork } from '../case-work';
import type { ClosureDto } from '../dto/working.dto';
import { ReadModelFreshness } from '../../commands/read-model-freshness';
import { SURVEYS } from '../../surveys/survey-answers';
import { SurveyTokens } from '../../surveys/survey-tokens';

export class CloseCaseCommand {
  constructor(readonly caseId: string, readonly closure: ClosureDto, readonly context: CommandContext) {}
}

@CommandHandler(CloseCaseCommand)
export class CloseCaseHandler implements ICommandHandler<CloseCaseCommand> {
  constructor(
    private readonly work: CaseWork,
    private readonly surveys: SurveyTokens,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async execute({ caseId, closure, context }: CloseCaseCommand) {
    if (closure.override && !hasRole(context.caller, 'coordinator')) {
      throw new ApiException(403, 'forbidden', 'Only a coordinator may override the reach-attempt rule');
    }
    const now = context.now.toISOString();
    // Made for every support-given closing; the decider drops it where no survey is offered.
    const survey = closure.reason === 'support-given' ? await this.surveys.make() : undefined;
    const result = await this.work.run(caseId, context, () => ({
      type: 'CloseCase',
      caseId,
      reason: closure.reason,
      at: closure.at ?? now,
      now,
      override: closure.override ? { reason: closure.override.reason } : undefined,
      survey,
      by: context.caller.sub,
    }));
    // The link works as soon as the case shows it.
    await this.freshness.waitFor(SURVEYS, result.position);
    return result;
  }
}
