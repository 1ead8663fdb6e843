import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/access.decorators';
import type { CommandContext } from '../commands/command-context';
import { ReadModelFreshness } from '../commands/read-model-freshness';
import { Context } from '../commands/request-context.decorator';
import { CASE_READ_MODELS } from '../cases/case-work';
import { HandoverDto } from './dto/handover.dto';
import type { HandoverAnswer } from './handover-claim';
import { HandoverIntake } from './handover-intake';
import { IntakeRateLimitGuard } from '../rate-limit/intake-rate-limit.guard';

@ApiTags('intake')
@ApiBearerAuth()
@Controller('handovers')
export class HandoversController {
  constructor(private readonly intake: HandoverIntake, private readonly freshness: ReadModelFreshness) {}

  /** 201 for a new handover, 200 with the same answer when the same handoverId comes again. */
  @Post()
  @HttpCode(201)
  @Roles('police-integration')
  @UseGuards(IntakeRateLimitGuard)
  async receive(
    @Body() body: HandoverDto,
    @Context() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HandoverAnswer> {
    const handover = JSON.parse(JSON.stringify(body));
    const result = await this.intake.receive(handover, context);
    await this.freshness.waitFor(CASE_READ_MODELS, result.position);
    response.status(result.created ? 201 : 200);
    return result.answer;
  }
}
