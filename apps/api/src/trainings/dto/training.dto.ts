import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { TRAINING_KINDS } from '@referral/case';
import { IsCalendarDate } from '../../http/validators/time-formats';

export class TrainingDto {
  @ApiProperty({ enum: TRAINING_KINDS, description: '`basic` (grundutbildning) qualifies every participant to take cases; `further` (vidareutbildning)' })
  @IsIn(TRAINING_KINDS)
  kind!: (typeof TRAINING_KINDS)[number];

  @ApiProperty({ format: 'date', description: 'The day it was held (Stockholm), not after today' })
  @IsCalendarDate()
  on!: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200, description: 'What it was about; kept in clear, so it must hold no personal data' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  topic?: string;

  @ApiProperty({ type: [String], description: 'Volunteer ids of the org, each once; one that is not is 400 naming `participants[i]`' })
  @IsArray() @ArrayMaxSize(500) @IsString({ each: true }) @MaxLength(128, { each: true })
  participants!: string[];
}
