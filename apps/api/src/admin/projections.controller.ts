import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RebuildRequestStore, rebuildStateOf, type RebuildState } from '@referral/projections';
import { Roles } from '../auth/access.decorators';
import { ApiException } from '../http/api-exception';

/**
 * Operations on the read models: rebuild one from position zero without stopping the service.
 * This process only writes the request (a row in the read-model database); a worker (its own
 * process in the scaled shape, this one's worker module in `npm start`) claims and runs it and
 * writes its progress there. The projections are those the workers have registered.
 */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/projections')
@Roles('admin')
export class ProjectionsAdminController {
  constructor(private readonly requests: RebuildRequestStore) {}

  @Get()
  async list(): Promise<Array<{ name: string } & RebuildState>> {
    const [names, latest] = await Promise.all([this.requests.registeredProjections(), this.requests.latestOfEach()]);
    const byName = new Map(latest.map((request) => [request.projection, request]));
    return names.map((name) => ({ name, ...rebuildStateOf(byName.get(name) ?? null) }));
  }

  @Get(':name')
  async state(@Param('name') name: string): Promise<{ name: string } & RebuildState> {
    await this.known(name);
    return { name, ...rebuildStateOf(await this.requests.latest(name)) };
  }

  /** Answers the rebuild already pending or running, if there is one, rather than starting another. */
  @Post(':name/rebuild')
  @HttpCode(202)
  async rebuild(@Param('name') name: string): Promise<{ name: string } & RebuildState> {
    await this.known(name);
    return { name, ...rebuildStateOf(await this.requests.request(name)) };
  }

  private async known(name: string): Promise<void> {
    if (!(await this.requests.registeredProjections()).includes(name)) {
      throw new ApiException(404, 'not-found', `No projection named ${name.slice(0, 64)}`);
    }
  }
}
