import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsDateOrInstant } from '../../http/validators/time-formats';

export class PageQuery {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional() @IsString() @MaxLength(200)
  cursor?: string;
}

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
