import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CaseQueries, type AtRiskCase, type Breach } from '@referral/read-models';
import { Roles } from '../auth/access.decorators';
import type { CommandContext } from '../commands/command-context';
import { Context } from '../commands/request-context.decorator';
import { ApiException } from '../http/api-exception';
import { AT_RISK_PAGE } from '../http/openapi-schemas';
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

  /** Open cases without contact whose first contact falls due within the window. */
  @Get('at-risk')
  @ApiOkResponse({ schema: AT_RISK_PAGE })
  async atRisk(@Query() query: AtRiskQuery, @Context() context: CommandContext): Promise<Page<AtRiskCase>> {
    const all = await this.queries.atRisk({ orgs: scopeOf(context), now: context.now, withinHours: query.withinHours ?? 24 });
    return pageOf(all, query.limit, query.cursor);
  }
}

function scopeOf(context: CommandContext): string[] | 'all' {
  return context.caller.org === 'city' ? 'all' : [context.caller.org];
}
