import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import { PageQuery } from '../../http/page.query';
import { IsDateOrInstant } from '../../http/validators/time-formats';


export class BreachesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'YYYY-MM-DD (Stockholm, from the start of that day) or an instant with offset' })
  @IsOptional() @IsDateOrInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD (Stockholm, to the end of that day) or an instant with offset' })
  @IsOptional() @IsDateOrInstant()
  to?: string;
}

export class AtRiskQuery extends PageQuery {
  @ApiPropertyOptional({ default: 24, minimum: 1, maximum: 720 })
  @IsOptional() @Type(() => Number) @IsNumber() @Min(1) @Max(720)
  withinHours?: number;
}
