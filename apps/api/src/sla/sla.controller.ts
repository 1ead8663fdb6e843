import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CaseQueries, type AtRiskCase, type Breach } from '@referral/read-models';
import { Roles } from '../auth/access.decorators';
import { hasRole } from '../auth/caller';
import type { CommandContext } from '../commands/command-context';
import { Context } from '../commands/request-context.decorator';
import { ApiException } from '../http/api-exception';
import { AtRiskPageDto } from './dto/at-risk.response';
import { AtRiskQuery, BreachesQuery } from './dto/sla.query';
import { pageOf, type Page } from './list-page';
import { boundOf } from './time-bounds';

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('sla')
@Roles('coordinator', 'staff')
export class SlaController {
  constructor(private readonly queries: CaseQueries) {}

  /** Breaches of the caller's org (all orgs for the city), each with its true due and breach time. */
  @Get('breaches')
  async breaches(@Query() query: BreachesQuery, @Context() context: CommandContext): Promise<Page<Breach>> {
    const from = boundOf(query.from, 'start');
    const to = boundOf(query.to, 'end');
    if (from && to && from > to) {
      throw new ApiException(400, 'validation-failed', 'The request is not valid', [{ path: 'to', message: 'must not be before from' }]);
    }
    const all = await this.queries.breaches({ orgs: scopeOf(context), from, to });
    return pageOf(all, query.limit, query.cursor);
  }

  /**
   * Open cases without contact whose first contact falls due within the window; for the city's
   * coordinators (who hold the triage queue) first the triage cases waiting past the city's line.
   */
  @Get('at-risk')
  @ApiOkResponse({ type: AtRiskPageDto })
  async atRisk(@Query() query: AtRiskQuery, @Context() context: CommandContext): Promise<Page<AtRiskCase>> {
    const includeTriage = context.caller.org === 'city' && hasRole(context.caller, 'coordinator');
    const all = await this.queries.atRisk({
      orgs: scopeOf(context), now: context.now, withinHours: query.withinHours ?? 24, includeTriage,
    });
    return pageOf(all, query.limit, query.cursor);
  }
}

function scopeOf(context: CommandContext): string[] | 'all' {
  return context.caller.org === 'city' ? 'all' : [context.caller.org];
}
