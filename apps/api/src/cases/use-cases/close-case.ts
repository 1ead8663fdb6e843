import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import { hasRole } from '../../auth/caller';
import { ApiException } from '../../http/api-exception';
import { CaseWork } from '../case-work';
import type { ClosureDto } from '../dto/working.dto';

export class CloseCaseCommand {
  constructor(readonly caseId: string, readonly closure: ClosureDto, readonly context: CommandContext) {}
}

@CommandHandler(CloseCaseCommand)
export class CloseCaseHandler implements ICommandHandler<CloseCaseCommand> {
  constructor(private readonly work: CaseWork) {}

  async execute({ caseId, closure, context }: CloseCaseCommand) {
    if (closure.override && !hasRole(context.caller, 'coordinator')) {
      throw new ApiException(403, 'forbidden', 'Only a coordinator may override the reach-attempt rule');
    }
    const now = context.now.toISOString();
    return this.work.run(caseId, context, () => ({
      type: 'CloseCase',
      caseId,
      reason: closure.reason,
      at: closure.at ?? now,
      now,
      override: closure.override ? { reason: closure.override.reason } : undefined,
      by: context.caller.sub,
    }));
  }
}
