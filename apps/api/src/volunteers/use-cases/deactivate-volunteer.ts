import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { formatCalendarDate, localDateOf, volunteerDecider, type OrgId } from '@referral/case';
import { runOptions, type CommandContext } from '../../commands/command-context';
import { throwRefusal } from '../../commands/domain-exception';
import { EventSourcedStream } from '@referral/case-workflows';
import { ReadModelFreshness } from '../../commands/read-model-freshness';
import { volunteerStream } from '../../cases/use-cases/assign-volunteer';
import type { DeactivateVolunteerDto } from '../dto/volunteer.dto';
import { VOLUNTEERS } from './register-volunteer';

export class DeactivateVolunteerCommand {
  constructor(
    readonly org: OrgId,
    readonly volunteerId: string,
    readonly body: DeactivateVolunteerDto,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(DeactivateVolunteerCommand)
export class DeactivateVolunteerHandler implements ICommandHandler<DeactivateVolunteerCommand> {
  constructor(private readonly stream: EventSourcedStream, private readonly freshness: ReadModelFreshness) {}

  async execute({ org, volunteerId, body, context }: DeactivateVolunteerCommand) {
    const result = await this.stream.run(
      volunteerStream(volunteerId),
      volunteerDecider,
      () => ({
        type: 'DeactivateVolunteer' as const,
        volunteerId,
        org,
        activeUntil: body.activeUntil ?? formatCalendarDate(localDateOf(context.now.getTime())),
        at: context.now.toISOString(),
        by: context.caller.sub,
      }),
      throwRefusal,
      runOptions(context, volunteerStream(volunteerId)),
    );
    await this.freshness.waitFor(VOLUNTEERS, result.position);
    return { volunteerId, activeUntil: (result.state.status === 'registered' && result.state.activeUntil) || null };
  }
}
