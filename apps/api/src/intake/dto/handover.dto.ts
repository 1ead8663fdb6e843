import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsDateTimeWithOffset } from '../../http/validators/time-formats';
import { AreaDto } from './area.dto';
import { ConsentDto } from './consent.dto';
import { CrimeDto } from './crime.dto';
import { PersonDto } from './person.dto';

/** `handover.v1.schema.json`: one case handed over by the Police. Unknown properties are refused. */
export class HandoverDto {
  @ApiProperty({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$', description: 'Idempotency key' })
  @IsString() @MinLength(1) @MaxLength(64)
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'may hold only letters A-Z, digits and . _ : -' })
  handoverId!: string;

  @ApiProperty({ minLength: 1, maxLength: 40, example: '5000-K123456-25' })
  @IsString() @MinLength(1) @MaxLength(40)
  policeReportNumber!: string;

  @ApiProperty({ format: 'date-time', description: 'When the Police handed the case over; not in the future' })
  @IsDateTimeWithOffset()
  handedOverAt!: string;

  @ApiProperty({ type: CrimeDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => CrimeDto)
  crime!: CrimeDto;

  @ApiProperty({ type: PersonDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => PersonDto)
  person!: PersonDto;

  @ApiPropertyOptional({ format: 'date', description: "The victim's birth date when person.role is 'relative'" })
  @IsOptional() @IsCalendarDate()
  victimBirthDate?: string;

  @ApiProperty({ type: AreaDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => AreaDto)
  area!: AreaDto;

  @ApiProperty({ type: ConsentDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ConsentDto)
  consent!: ConsentDto;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Free text from the Police; personal data' })
  @IsOptional() @IsString() @MaxLength(2000)
  note?: string;
}
