import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { trainingDecider, type OrgId } from '@referral/case';
import { EventSourcedStream } from '@referral/case-workflows';
import { CaseQueries } from '@referral/read-models';
import { runOptions, newIdOf, type CommandContext } from '../../commands/command-context';
import { throwRefusal } from '../../commands/domain-exception';
import { ReadModelFreshness } from '../../commands/read-model-freshness';
import { VOLUNTEERS } from '../../volunteers/use-cases/register-volunteer';
import type { TrainingDto } from '../dto/training.dto';

export class RecordTrainingCommand {
  constructor(readonly org: OrgId, readonly body: TrainingDto, readonly context: CommandContext) {}
}

export const trainingStream = (trainingId: string) => `training-${trainingId}`;

@CommandHandler(RecordTrainingCommand)
export class RecordTrainingHandler implements ICommandHandler<RecordTrainingCommand, { trainingId: string }> {
  constructor(
    private readonly stream: EventSourcedStream,
    private readonly queries: CaseQueries,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async execute({ org, body, context }: RecordTrainingCommand): Promise<{ trainingId: string }> {
    const trainingId = newIdOf(context, 'training');
    const volunteersOfOrg = await this.queries.volunteersOfOrg(org, body.participants);
    const result = await this.stream.run(
      trainingStream(trainingId),
      trainingDecider,
      () => ({
        type: 'RecordTraining' as const,
        trainingId,
        org,
        kind: body.kind,
        on: body.on,
        ...(body.topic !== undefined ? { topic: body.topic } : {}),
        participants: body.participants,
        volunteersOfOrg,
        at: context.now.toISOString(),
        by: context.caller.sub,
      }),
      throwRefusal,
      runOptions(context, trainingStream(trainingId)),
    );
    // The roster (basicTrainingOn) and the basic-training rule at assignment read it from there.
    await this.freshness.waitFor(VOLUNTEERS, result.position);
    return { trainingId };
  }
}
