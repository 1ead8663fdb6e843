import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsDateTimeWithOffset } from '../../http/validators/time-formats';
import { AreaDto } from '../../intake/dto/area.dto';
import { CrimeDto } from '../../intake/dto/crime.dto';
import { PersonDto } from '../../intake/dto/person.dto';

export const REGISTERED_SOURCES = ['self-referral', 'other-actor'] as const;

/** A case the caller's org registers itself. */
export class RegisterCaseDto {
  @ApiProperty({ enum: REGISTERED_SOURCES })
  @IsIn(REGISTERED_SOURCES)
  source!: (typeof REGISTERED_SOURCES)[number];

  @ApiProperty({ format: 'date-time' })
  @IsDateTimeWithOffset()
  receivedAt!: string;

  @ApiProperty({ type: CrimeDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => CrimeDto)
  crime!: CrimeDto;

  @ApiProperty({ type: PersonDto, description: 'For an anonymous case: no name, number or contact data' })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => PersonDto)
  person!: PersonDto;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional() @IsCalendarDate()
  victimBirthDate?: string;

  @ApiPropertyOptional({ type: AreaDto })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => AreaDto)
  area?: AreaDto;

  @ApiPropertyOptional()
  @IsOptional() @IsBoolean()
  anonymous?: boolean;
}
