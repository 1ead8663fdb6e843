import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { EventStore } from '@referral/event-store';
import type { PersonalDataVault } from '@referral/personal-data';
import { EVENT_STORE, PERSONAL_DATA_VAULT } from '@referral/platform';
import { eventSourcedStreamProvider } from '../commands/event-sourced-stream.provider';
import { Policies } from '../commands/policies';
import { CheckpointWakeups } from '../commands/checkpoint-wakeups';
import { ReadModelFreshness } from '../commands/read-model-freshness';
import { HandoverIntake } from '../intake/handover-intake';
import { HandoversController } from '../intake/handovers.controller';
import { RecordTrainingHandler } from '../trainings/use-cases/record-training';
import { TrainingsController } from '../trainings/trainings.controller';
import { ChangeLanguagesHandler } from '../volunteers/use-cases/change-languages';
import { DeactivateVolunteerHandler } from '../volunteers/use-cases/deactivate-volunteer';
import { RegisterVolunteerHandler } from '../volunteers/use-cases/register-volunteer';
import { VolunteersController } from '../volunteers/volunteers.controller';
import { CaseAccess } from './case-access';
import { CaseWork } from './case-work';
import { CasesController } from './cases.controller';
import { LinkedCaseOpener } from '@referral/case-workflows';
import { AssignVolunteerHandler } from './use-cases/assign-volunteer';
import { ChangeContactSafetyHandler } from './use-cases/change-contact-safety';
import { CloseCaseHandler } from './use-cases/close-case';
import { ErasePersonalDataHandler } from './use-cases/erase-personal-data';
import { LinkCaseHandler } from './use-cases/link-case';
import { RecordContactHandler } from './use-cases/record-contact';
import { RegisterCaseHandler } from './use-cases/register-case';
import { ResolveTriageHandler } from './use-cases/resolve-triage';
import { SurveysModule } from '../surveys/surveys.module';

/** Intake, working a case, and volunteers: the contract's case routes. */
@Module({
  imports: [CqrsModule, SurveysModule],
  controllers: [HandoversController, CasesController, VolunteersController, TrainingsController],
  providers: [
    { provide: Policies, useValue: new Policies() },
    eventSourcedStreamProvider,
    ReadModelFreshness,
    CheckpointWakeups,
    HandoverIntake,
    CaseAccess,
    CaseWork,
    {
      provide: LinkedCaseOpener,
      useFactory: (store: EventStore, policies: Policies, vault: PersonalDataVault) => new LinkedCaseOpener(store, policies.sla, vault),
      inject: [EVENT_STORE, Policies, PERSONAL_DATA_VAULT],
    },
    RegisterCaseHandler,
    AssignVolunteerHandler,
    RecordContactHandler,
    LinkCaseHandler,
    ResolveTriageHandler,
    CloseCaseHandler,
    ErasePersonalDataHandler,
    ChangeContactSafetyHandler,
    RegisterVolunteerHandler,
    DeactivateVolunteerHandler,
    ChangeLanguagesHandler,
    RecordTrainingHandler,
  ],
})
export class CasesModule {}
