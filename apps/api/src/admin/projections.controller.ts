import { Controller, Get, HttpCode, Optional, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ProjectionRebuilds, UnknownProjectionError, type RebuildState } from '../../../worker/src/projections/projection-rebuilds';
import { Roles } from '../auth/access.decorators';
import { ApiException } from '../http/api-exception';

/**
 * Operations on the read models: rebuild one from position zero without stopping the service.
 * The rebuild runs where the projections run (the worker); in the scaled shape, call the worker's
 * process or run the CLI there.
 */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/projections')
@Roles('admin')
export class ProjectionsAdminController {
  constructor(@Optional() private readonly rebuilds?: ProjectionRebuilds) {}

  @Get()
  list(): Array<{ name: string } & RebuildState> {
    const rebuilds = this.local();
    return rebuilds.names().map((name) => ({ name, ...rebuilds.stateOf(name) }));
  }

  @Get(':name')
  state(@Param('name') name: string): { name: string } & RebuildState {
    const rebuilds = this.local();
    if (!rebuilds.names().includes(name)) throw unknown(name);
    return { name, ...rebuilds.stateOf(name) };
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  rebuild(@Param('name') name: string): { name: string } & RebuildState {
    try {
      return { name, ...this.local().start(name) };
    } catch (error) {
      if (error instanceof UnknownProjectionError) throw unknown(name);
      throw error;
    }
  }

  private local(): ProjectionRebuilds {
    if (!this.rebuilds) {
      throw new ApiException(501, 'not-implemented', 'Projections run in the worker process; rebuild there');
    }
    return this.rebuilds;
  }
}

const unknown = (name: string) => new ApiException(404, 'not-found', `No projection named ${name.slice(0, 64)}`);
