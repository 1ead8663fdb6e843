import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseRecord, PersonLinked } from '@referral/case';
import { eventMetadata, type CommandContext } from '../../commands/command-context';
import { ReadModelFreshness } from '../../commands/read-model-freshness';
import { CASE_VIEWS, CaseWork } from '../case-work';
import type { LinkDto } from '../dto/working.dto';
import { LinkedCaseOpener } from '@referral/case-workflows';

export class LinkCaseCommand {
  constructor(readonly caseId: string, readonly link: LinkDto, readonly context: CommandContext) {}
}

/** Links the person to the other party: `PersonLinked` here, a new case with source `link` there. */
@CommandHandler(LinkCaseCommand)
export class LinkCaseHandler implements ICommandHandler<LinkCaseCommand> {
  constructor(
    private readonly work: CaseWork,
    private readonly opener: LinkedCaseOpener,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async execute({ caseId, link, context }: LinkCaseCommand) {
    const now = context.now.toISOString();
    const linkedCaseId = randomUUID();
    const result = await this.work.run(caseId, context, () => ({
      type: 'LinkToOtherParty',
      caseId,
      to: link.to,
      consent: link.consent === true,
      linkedCaseId,
      at: link.at ?? now,
      now,
      note: link.note,
      by: context.caller.sub,
    }));
    const linked = result.events.find((e): e is PersonLinked => e.type === 'PersonLinked');
    if (linked) {
      const position = await this.opener.open(result.state as CaseRecord, linked, eventMetadata(context));
      await this.freshness.waitFor(CASE_VIEWS, position);
    }
    return result;
  }
}
