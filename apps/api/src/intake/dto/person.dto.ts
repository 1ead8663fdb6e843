import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../http/validators/time-formats';
import { IsPersonalIdentityNumber } from '../../http/validators/personal-identity-number';

export const PERSON_ROLES = ['victim', 'witness', 'relative'] as const;
export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;

/** The support seeker: the victim, a witness, or a relative of the victim. Personal data. */
export class PersonDto {
  @ApiProperty({ enum: PERSON_ROLES })
  @IsIn(PERSON_ROLES)
  role!: (typeof PERSON_ROLES)[number];

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional() @IsString() @MaxLength(100)
  givenName?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional() @IsString() @MaxLength(100)
  familyName?: string;

  // No example: even a well-known test number is a real-looking identity number in every client generated from the document.
  @ApiPropertyOptional({ description: 'Swedish personnummer or samordningsnummer (YYYYMMDD-NNNN or YYMMDD-NNNN), with a valid check digit' })
  @IsOptional() @IsPersonalIdentityNumber()
  personalIdentityNumber?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional() @IsCalendarDate()
  birthDate?: string;

  @ApiProperty({ enum: GENDERS })
  @IsIn(GENDERS)
  gender!: (typeof GENDERS)[number];

  @ApiPropertyOptional({ maxLength: 20, description: "How the person describes their gender when 'other', e.g. GF, IB" })
  @IsOptional() @IsString() @MaxLength(20)
  genderLabel?: string;

  @ApiPropertyOptional({ maxLength: 32 })
  @IsOptional() @IsString() @MaxLength(32)
  @Matches(/^\+?[0-9 ()-]{5,32}$/, { message: 'must be a phone number of digits, spaces, ( ) and -' })
  phone?: string;

  @ApiPropertyOptional({ format: 'email', maxLength: 254 })
  @IsOptional() @IsString() @MaxLength(254) @IsEmail({}, { message: 'must be an e-mail address' })
  email?: string;

  @ApiPropertyOptional({ description: 'ISO 639 code', example: 'sv' })
  @IsOptional() @IsString() @Matches(/^[a-z]{2,3}$/, { message: 'must be an ISO 639 code of 2 or 3 lower-case letters' })
  preferredLanguage?: string;

  @ApiPropertyOptional()
  @IsOptional() @IsBoolean()
  interpreterNeeded?: boolean;
}
