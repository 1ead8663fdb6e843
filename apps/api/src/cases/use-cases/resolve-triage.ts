import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import { Policies } from '../../commands/policies';
import { CaseWork } from '../case-work';
import type { TriageDto } from '../dto/working.dto';

export class ResolveTriageCommand {
  constructor(readonly caseId: string, readonly triage: TriageDto, readonly context: CommandContext) {}
}

@CommandHandler(ResolveTriageCommand)
export class ResolveTriageHandler implements ICommandHandler<ResolveTriageCommand> {
  constructor(private readonly work: CaseWork, private readonly policies: Policies) {}

  async execute({ caseId, triage, context }: ResolveTriageCommand) {
    return this.work.run(caseId, context, () => ({
      type: 'ResolveTriage',
      caseId,
      routeTo: triage.routeTo,
      at: context.now.toISOString(),
      sla: this.policies.sla,
      by: context.caller.sub,
    }));
  }
}
