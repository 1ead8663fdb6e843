import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import type { ContactDto } from '../dto/working.dto';
import { CaseWork } from '../case-work';

export class RecordContactCommand {
  constructor(readonly caseId: string, readonly contact: ContactDto, readonly context: CommandContext) {}
}

@CommandHandler(RecordContactCommand)
export class RecordContactHandler implements ICommandHandler<RecordContactCommand> {
  constructor(private readonly work: CaseWork) {}

  async execute({ caseId, contact, context }: RecordContactCommand) {
    const now = context.now.toISOString();
    return this.work.run(caseId, context, () => ({
      type: 'RecordContact',
      caseId,
      channel: contact.channel,
      outcome: contact.outcome,
      at: contact.at ?? now,
      now,
      note: contact.note,
      by: context.caller.sub,
    }));
  }
}
