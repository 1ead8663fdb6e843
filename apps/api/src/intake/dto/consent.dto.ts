import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { IsDateTimeWithOffset } from '../../http/validators/time-formats';

export class ConsentDto {
  @ApiProperty({ description: 'The person consented to being contacted' })
  @IsBoolean()
  subject!: boolean;

  @ApiPropertyOptional({ description: 'A guardian consented; needed when the person is under 15' })
  @IsOptional() @IsBoolean()
  guardian?: boolean;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional() @IsDateTimeWithOffset()
  recordedAt?: string;
}
