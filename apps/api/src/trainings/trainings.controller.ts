import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { TrainingAnswer } from '../volunteers/dto/volunteer-views.dto';
import { Roles } from '../auth/access.decorators';
import type { CommandContext } from '../commands/command-context';
import { Context } from '../commands/request-context.decorator';
import { ownOrg } from '../volunteers/own-org';
import { TrainingDto } from './dto/training.dto';
import { RecordTrainingCommand } from './use-cases/record-training';

@ApiTags('volunteers')
@ApiBearerAuth()
@Controller('orgs/:org/trainings')
@Roles('coordinator')
export class TrainingsController {
  constructor(private readonly commands: CommandBus) {}

  /** One training session held for the org's support persons: `201 {"trainingId"}`. */
  @Post()
  @ApiCreatedResponse({ type: TrainingAnswer })
  record(@Param('org') org: string, @Body() body: TrainingDto, @Context() context: CommandContext): Promise<{ trainingId: string }> {
    return this.commands.execute(new RecordTrainingCommand(ownOrg(org, context), body, context));
  }
}
