import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import { CaseWork } from '../case-work';
import type { ContactSafetyDto } from '../dto/contact-safety.dto';

export class ChangeContactSafetyCommand {
  constructor(readonly caseId: string, readonly safety: ContactSafetyDto, readonly context: CommandContext) {}
}

@CommandHandler(ChangeContactSafetyCommand)
export class ChangeContactSafetyHandler implements ICommandHandler<ChangeContactSafetyCommand> {
  constructor(private readonly work: CaseWork) {}

  async execute({ caseId, safety, context }: ChangeContactSafetyCommand) {
    return this.work.run(caseId, context, () => ({
      type: 'ChangeContactSafety',
      caseId,
      mayLeaveMessage: safety.mayLeaveMessage,
      safeHours: safety.safeHours ?? null,
      note: safety.note,
      now: context.now.toISOString(),
      by: context.caller.sub,
    }));
  }
}
