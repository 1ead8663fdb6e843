import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate } from '../../http/validators/time-formats';
import { GENDERS } from '../../intake/dto/person.dto';

export class RegisterVolunteerDto {
  @ApiProperty({ minLength: 1, maxLength: 100 })
  @IsString() @MinLength(1) @MaxLength(100)
  displayName!: string;

  @ApiProperty({ enum: GENDERS })
  @IsIn(GENDERS)
  gender!: (typeof GENDERS)[number];

  @ApiPropertyOptional({ format: 'date', description: 'Default today; may be in the past for a roster brought over' })
  @IsOptional() @IsCalendarDate()
  activeFrom?: string;

  @ApiPropertyOptional({ description: 'The sub the volunteer signs in with; default the volunteerId' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(128)
  userId?: string;
}

export class DeactivateVolunteerDto {
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional() @IsCalendarDate()
  activeUntil?: string;
}
