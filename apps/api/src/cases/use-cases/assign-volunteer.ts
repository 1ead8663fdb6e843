import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { formatCalendarDate, isVolunteerActiveOn, localDateOf, volunteerDecider } from '@referral/case';
import type { CommandContext } from '../../commands/command-context';
import { EventSourcedStream } from '@referral/case-workflows';
import { ApiException } from '../../http/api-exception';
import { CaseWork } from '../case-work';

export class AssignVolunteerCommand {
  constructor(readonly caseId: string, readonly volunteerId: string, readonly context: CommandContext) {}
}

@CommandHandler(AssignVolunteerCommand)
export class AssignVolunteerHandler implements ICommandHandler<AssignVolunteerCommand> {
  constructor(private readonly work: CaseWork, private readonly stream: EventSourcedStream) {}

  async execute({ caseId, volunteerId, context }: AssignVolunteerCommand) {
    const { state: volunteer } = await this.stream.load(volunteerStream(volunteerId), volunteerDecider);
    // Another org's volunteer is as unknown as one that does not exist.
    if (volunteer.status === 'none' || volunteer.org !== context.caller.org) {
      throw new ApiException(404, 'volunteer-not-found', 'No such volunteer in your organisation');
    }
    const today = formatCalendarDate(localDateOf(context.now.getTime()));
    const at = context.now.toISOString();
    return this.work.run(caseId, context, () => ({
      type: 'AssignVolunteer',
      caseId,
      volunteer: { id: volunteerId, org: volunteer.org, active: isVolunteerActiveOn(volunteer, today) },
      at,
      by: context.caller.sub,
    }));
  }
}

export const volunteerStream = (volunteerId: string) => `volunteer-${volunteerId}`;
