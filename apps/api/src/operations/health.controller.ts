import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/access.decorators';
import { BACKENDS, BackgroundComponents, type Backends, checkHealth } from '@referral/platform';

@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(BACKENDS) private readonly backends: Backends,
    private readonly background: BackgroundComponents,
  ) {}

  /**
   * 200 when the event store, the read-model store and Redis all answer and no background
   * component of this process is stuck; 503 otherwise.
   */
  @Get()
  async health(@Res() response: Response): Promise<void> {
    const report = await checkHealth(this.backends, this.background);
    response.status(report.status === 'ok' ? 200 : 503).json(report);
  }
}
