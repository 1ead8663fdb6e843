import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { isOrgId, type OrgId } from '@referral/case';
import { CaseQueries, type Volunteer } from '@referral/read-models';
import { Roles } from '../auth/access.decorators';
import type { CommandContext } from '../commands/command-context';
import { Context } from '../commands/request-context.decorator';
import { ApiException } from '../http/api-exception';
import { ROSTER } from '../http/openapi-schemas';
import { DeactivateVolunteerDto, RegisterVolunteerDto } from './dto/volunteer.dto';
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

  @Get()
  @ApiOkResponse({ schema: ROSTER })
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
}

/** A coordinator manages the volunteers of their own org only. */
function ownOrg(org: string, context: CommandContext): OrgId {
  if (!isOrgId(org) || org !== context.caller.org) {
    throw new ApiException(403, 'forbidden', 'You manage the volunteers of your own organisation only');
  }
  return org;
}
