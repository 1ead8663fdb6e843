import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
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
}
