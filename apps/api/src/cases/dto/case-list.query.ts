import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../http/page.query';

export class CaseListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'closed', 'triage'] })
  @IsOptional() @IsIn(['open', 'closed', 'triage'])
  status?: 'open' | 'closed' | 'triage';

  @ApiPropertyOptional({ description: '`me` or a volunteer id' })
  @IsOptional() @IsString() @MaxLength(128)
  assignee?: string;

  @ApiPropertyOptional({ enum: ['ok', 'at-risk', 'breached'] })
  @IsOptional() @IsIn(['ok', 'at-risk', 'breached'])
  slaState?: 'ok' | 'at-risk' | 'breached';

  @ApiPropertyOptional({
    description: "The caller's org's cases with this Police report number (exact match after trimming and upper-casing), found through a keyed index; the number is never stored in clear",
    maxLength: 40,
  })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(40)
  policeReportNumber?: string;
}
