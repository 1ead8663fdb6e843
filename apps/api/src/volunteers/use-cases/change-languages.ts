import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { volunteerDecider, type OrgId } from '@referral/case';
import { EventSourcedStream } from '@referral/case-workflows';
import { runOptions, type CommandContext } from '../../commands/command-context';
import { throwRefusal } from '../../commands/domain-exception';
import { ReadModelFreshness } from '../../commands/read-model-freshness';
import { volunteerStream } from '../../cases/use-cases/assign-volunteer';
import type { LanguagesDto } from '../dto/volunteer.dto';
import { VOLUNTEERS } from './register-volunteer';

export class ChangeLanguagesCommand {
  constructor(readonly org: OrgId, readonly volunteerId: string, readonly body: LanguagesDto, readonly context: CommandContext) {}
}

@CommandHandler(ChangeLanguagesCommand)
export class ChangeLanguagesHandler implements ICommandHandler<ChangeLanguagesCommand> {
  constructor(private readonly stream: EventSourcedStream, private readonly freshness: ReadModelFreshness) {}

  async execute({ org, volunteerId, body, context }: ChangeLanguagesCommand) {
    const result = await this.stream.run(
      volunteerStream(volunteerId),
      volunteerDecider,
      () => ({
        type: 'ChangeVolunteerLanguages' as const,
        volunteerId,
        org,
        languages: body.languages,
        at: context.now.toISOString(),
        by: context.caller.sub,
      }),
      throwRefusal,
      runOptions(context, volunteerStream(volunteerId)),
    );
    await this.freshness.waitFor(VOLUNTEERS, result.position);
    return { volunteerId, languages: result.state.status === 'registered' ? result.state.languages : body.languages };
  }
}
