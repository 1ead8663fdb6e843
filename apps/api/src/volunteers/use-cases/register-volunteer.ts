import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { formatCalendarDate, localDateOf, volunteerDecider, type OrgId } from '@referral/case';
import { runOptions, newIdOf, type CommandContext } from '../../commands/command-context';
import { throwRefusal } from '../../commands/domain-exception';
import { EventSourcedStream } from '@referral/case-workflows';
import { ReadModelFreshness } from '../../commands/read-model-freshness';
import { volunteerStream } from '../../cases/use-cases/assign-volunteer';
import type { RegisterVolunteerDto } from '../dto/volunteer.dto';

export const VOLUNTEERS = 'volunteers';

export class RegisterVolunteerCommand {
  constructor(readonly org: OrgId, readonly body: RegisterVolunteerDto, readonly context: CommandContext) {}
}

@CommandHandler(RegisterVolunteerCommand)
export class RegisterVolunteerHandler implements ICommandHandler<RegisterVolunteerCommand, { volunteerId: string }> {
  constructor(private readonly stream: EventSourcedStream, private readonly freshness: ReadModelFreshness) {}

  async execute({ org, body, context }: RegisterVolunteerCommand): Promise<{ volunteerId: string }> {
    const volunteerId = newIdOf(context, 'volunteer');
    const result = await this.stream.run(
      volunteerStream(volunteerId),
      volunteerDecider,
      () => ({
        type: 'RegisterVolunteer' as const,
        volunteerId,
        org,
        displayName: body.displayName,
        gender: body.gender,
        activeFrom: body.activeFrom ?? formatCalendarDate(localDateOf(context.now.getTime())),
        userId: body.userId,
        languages: body.languages,
        basicTraining: body.basicTraining,
        at: context.now.toISOString(),
        by: context.caller.sub,
      }),
      throwRefusal,
      runOptions(context, volunteerStream(volunteerId)),
    );
    await this.freshness.waitFor(VOLUNTEERS, result.position);
    return { volunteerId };
  }
}
