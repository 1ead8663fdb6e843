import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/access.decorators';
import { BACKENDS, type Backends, checkHealth } from '@referral/platform';

@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(BACKENDS) private readonly backends: Backends) {}

  /** 200 when the event store, the read-model store and Redis all answer; 503 otherwise. */
  @Get()
  async health(@Res() response: Response): Promise<void> {
    const report = await checkHealth(this.backends);
    response.status(report.status === 'ok' ? 200 : 503).json(report);
  }
}
