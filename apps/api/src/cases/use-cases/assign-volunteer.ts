import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { formatCalendarDate, isVolunteerActiveOn, localDateOf, volunteerDecider } from '@referral/case';
import { CaseQueries } from '@referral/read-models';
import { hasRole } from '../../auth/caller';
import type { CommandContext } from '../../commands/command-context';
import { EventSourcedStream } from '@referral/case-workflows';
import { ApiException } from '../../http/api-exception';
import { volunteersSeeUnassigned } from '../case-access';
import { CaseWork } from '../case-work';

/** `volunteerId`: an id, `"me"` (the calling volunteer takes the case), or `null` (unassign). */
export class AssignVolunteerCommand {
  constructor(readonly caseId: string, readonly volunteerId: string | null, readonly context: CommandContext) {}
}

const forbidden = (message: string) => new ApiException(403, 'forbidden', message);

@CommandHandler(AssignVolunteerCommand)
export class AssignVolunteerHandler implements ICommandHandler<AssignVolunteerCommand> {
  constructor(private readonly work: CaseWork, private readonly stream: EventSourcedStream, private readonly queries: CaseQueries) {}

  async execute({ caseId, volunteerId, context }: AssignVolunteerCommand) {
    const { caller } = context;
    const coordinator = hasRole(caller, 'coordinator');
    const at = context.now.toISOString();
    if (volunteerId === null) {
      if (!coordinator) throw forbidden('Only a coordinator takes a case back');
      return this.work.run(caseId, context, () => ({ type: 'UnassignVolunteer', caseId, at, by: caller.sub }));
    }
    const id = volunteerId === 'me' ? await this.callerAsVolunteer(context, coordinator) : volunteerId;
    if (volunteerId !== 'me' && !coordinator) throw forbidden('A volunteer takes a case only for themselves ("me")');

    const { state: volunteer } = await this.stream.load(volunteerStream(id), volunteerDecider);
    // Another org's volunteer is as unknown as one that does not exist.
    if (volunteer.status === 'none' || volunteer.org !== caller.org) {
      throw new ApiException(404, 'volunteer-not-found', 'No such volunteer in your organisation');
    }
    const basicTrainingPassed = volunteer.basicTraining === 'passed' || (await this.queries.findVolunteer(id))?.basicTraining === 'passed';
    const today = formatCalendarDate(localDateOf(context.now.getTime()));
    // The case access check (in `run`) lets a volunteer touch only an unassigned case or their own.
    return this.work.run(caseId, context, () => ({
      type: 'AssignVolunteer',
      caseId,
      volunteer: { id, org: volunteer.org, active: isVolunteerActiveOn(volunteer, today), basicTrainingPassed },
      at,
      by: caller.sub,
    }));
  }

  /** The caller's own volunteer id, where their org lets volunteers take unassigned cases. */
  private async callerAsVolunteer(context: CommandContext, coordinator: boolean): Promise<string> {
    const { caller } = context;
    if (!coordinator && !volunteersSeeUnassigned(caller.org)) {
      throw forbidden('Volunteers of your organisation do not take unassigned cases themselves');
    }
    const [own] = await this.queries.findVolunteerIdsByUserId(caller.org, caller.sub);
    if (own === undefined) throw forbidden('You are not a volunteer of your organisation');
    return own;
  }
}

export const volunteerStream = (volunteerId: string) => `volunteer-${volunteerId}`;
