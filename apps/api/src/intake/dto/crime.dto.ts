import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../http/validators/time-formats';

export const CRIME_CATEGORIES = [
  'misshandel', 'bedrageri', 'olaga-hot', 'ofredande', 'sexualbrott',
  'ran', 'stold', 'skadegorelse', 'hot-mot-tjansteman', 'other',
] as const;
export const CRIME_FLAGS = ['vald-i-nara-relation', 'gangrelaterat', 'hedersrelaterat'] as const;

export class CrimeDto {
  @ApiProperty({ enum: CRIME_CATEGORIES })
  @IsIn(CRIME_CATEGORIES)
  category!: (typeof CRIME_CATEGORIES)[number];

  @ApiPropertyOptional({ maxLength: 16, description: "The Police's crime code" })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  code?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  occurredOn?: string;

  @ApiPropertyOptional({ enum: CRIME_FLAGS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(CRIME_FLAGS, { each: true })
  flags?: Array<(typeof CRIME_FLAGS)[number]>;
}
