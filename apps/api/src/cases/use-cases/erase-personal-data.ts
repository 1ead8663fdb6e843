import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseSubject } from '@referral/case-workflows';
import type { PersonalDataVault } from '@referral/personal-data';
import { PERSONAL_DATA_VAULT } from '@referral/platform';
import type { CommandContext } from '../../commands/command-context';
import { CaseWork } from '../case-work';
import type { ErasureDto } from '../dto/working.dto';

export class ErasePersonalDataCommand {
  constructor(readonly caseId: string, readonly erasure: ErasureDto, readonly context: CommandContext) {}
}

/**
 * Records `PersonalDataErased`, then forgets the case's key: every sealed copy of the person's
 * data (the store, the read models, backups) is unreadable from that moment. Erasing again
 * records nothing new and forgets the key again, which finishes an erasure that died halfway
 * (the worker's key-erasure reaction does the same).
 */
@CommandHandler(ErasePersonalDataCommand)
export class ErasePersonalDataHandler implements ICommandHandler<ErasePersonalDataCommand> {
  constructor(
    private readonly work: CaseWork,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ caseId, erasure, context }: ErasePersonalDataCommand) {
    const result = await this.work.run(caseId, context, () => ({
      type: 'ErasePersonalData',
      caseId,
      reason: erasure.reason,
      now: context.now.toISOString(),
      by: context.caller.sub,
    }));
    await this.vault.erase(caseSubject(caseId), context.now);
    return result;
  }
}
