import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../http/validators/time-formats';

export const REPORT_FORMATS = ['json', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class ReportQuery {
  @ApiProperty({ format: 'date', description: 'First Stockholm day of the period, inclusive' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ format: 'date', description: 'Last Stockholm day of the period, inclusive' })
  @IsCalendarDate()
  to!: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional() @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}
