import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { LanguagesAnswer, VolunteerListAnswer } from './dto/volunteer-views.dto';
import { CaseQueries, type Volunteer } from '@referral/read-models';
import { Roles } from '../auth/access.decorators';
import type { CommandContext } from '../commands/command-context';
import { Context } from '../commands/request-context.decorator';
import { DeactivateVolunteerDto, LanguagesDto, RegisterVolunteerDto } from './dto/volunteer.dto';
import { ownOrg } from './own-org';
import { ChangeLanguagesCommand } from './use-cases/change-languages';
import { DeactivateVolunteerCommand } from './use-cases/deactivate-volunteer';
import { RegisterVolunteerCommand } from './use-cases/register-volunteer';

@ApiTags('volunteers')
@ApiBearerAuth()
@Controller('orgs/:org/volunteers')
@Roles('coordinator')
export class VolunteersController {
  constructor(private readonly commands: CommandBus, private readonly queries: CaseQueries) {}

  @Post()
  register(@Param('org') org: string, @Body() body: RegisterVolunteerDto, @Context() context: CommandContext) {
    return this.commands.execute(new RegisterVolunteerCommand(ownOrg(org, context), body, context));
  }

  /** The roster: each volunteer with languages, active period, open cases and basic training. */
  @Get()
  @ApiOkResponse({ type: VolunteerListAnswer })
  async list(@Param('org') org: string, @Context() context: CommandContext): Promise<{ items: Volunteer[]; nextCursor: null }> {
    return { items: await this.queries.listVolunteers(ownOrg(org, context)), nextCursor: null };
  }

  @Post(':id/deactivation')
  @HttpCode(200)
  deactivate(
    @Param('org') org: string,
    @Param('id') id: string,
    @Body() body: DeactivateVolunteerDto,
    @Context() context: CommandContext,
  ) {
    return this.commands.execute(new DeactivateVolunteerCommand(ownOrg(org, context), id, body, context));
  }

  /** Replaces the languages the volunteer speaks. */
  @Post(':id/languages')
  @HttpCode(200)
  @ApiOkResponse({ type: LanguagesAnswer })
  changeLanguages(
    @Param('org') org: string,
    @Param('id') id: string,
    @Body() body: LanguagesDto,
    @Context() context: CommandContext,
  ): Promise<{ volunteerId: string; languages: readonly string[] }> {
    return this.commands.execute(new ChangeLanguagesCommand(ownOrg(org, context), id, body, context));
  }
}
