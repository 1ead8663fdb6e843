import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class CaseListQuery {
  @ApiPropertyOptional({ enum: ['open', 'closed', 'triage'] })
  @IsOptional() @IsIn(['open', 'closed', 'triage'])
  status?: 'open' | 'closed' | 'triage';

  @ApiPropertyOptional({ description: '`me` or a volunteer id' })
  @IsOptional() @IsString() @MaxLength(128)
  assignee?: string;

  @ApiPropertyOptional({ enum: ['ok', 'at-risk', 'breached'] })
  @IsOptional() @IsIn(['ok', 'at-risk', 'breached'])
  slaState?: 'ok' | 'at-risk' | 'breached';

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional() @IsString() @MaxLength(200)
  cursor?: string;
}
