import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { PageQuery } from '../../http/page.query';

export class AuditListQuery extends PageQuery {
  @ApiProperty({ format: 'uuid', description: 'The case whose audit trail to list' })
  @IsUUID()
  caseId!: string;
}
