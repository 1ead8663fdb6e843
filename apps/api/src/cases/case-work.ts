import { Injectable } from '@nestjs/common';
import { caseDecider, type CaseCommand, type CaseEvent, type CaseRecord, type CaseState } from '@referral/case';
import { runOptions, type CommandContext } from '../commands/command-context';
import { throwRefusal } from '../commands/domain-exception';
import { EventSourcedStream, type Appended } from '@referral/case-workflows';
import { ReadModelFreshness } from '../commands/read-model-freshness';
import { caseStream } from '../intake/handover-claim';
import { CaseAccess } from './case-access';

export const CASE_VIEWS = 'case_views';
/** What a case view is read from: the case views, and the call plan and contact safety. */
export const CASE_READ_MODELS = [CASE_VIEWS, 'contact_plans'] as const;

/**
 * One command on one case: load, check the caller may touch it, decide, append, and answer once
 * the case views show the change.
 */
@Injectable()
export class CaseWork {
  constructor(
    private readonly stream: EventSourcedStream,
    private readonly access: CaseAccess,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async run(
    caseId: string,
    context: CommandContext,
    command: (state: CaseRecord) => CaseCommand,
  ): Promise<Appended<CaseState, CaseEvent>> {
    const result = await this.stream.run(
      caseStream(caseId),
      caseDecider,
      async (state: CaseState) => {
        await this.access.check(context.caller, state);
        return command(state as CaseRecord);
      },
      throwRefusal,
      runOptions(context, caseStream(caseId)),
    );
    await this.freshness.waitFor(CASE_READ_MODELS, result.position);
    return result;
  }
}
