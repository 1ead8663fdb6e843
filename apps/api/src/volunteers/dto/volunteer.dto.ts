import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate } from '../../http/validators/time-formats';
import { GENDERS } from '../../intake/dto/person.dto';

export const BASIC_TRAINING = ['pending', 'passed'] as const;

const LANGUAGES_DOC: ApiPropertyOptions = {
  type: [String],
  example: ['sv', 'ar'],
  description: 'ISO 639-1 codes, lower case, each once; a code that is not one is 400 naming `languages[i]`',
};

// Each code is checked against the ISO 639-1 list by the domain, which names `languages[i]`.
const LanguageList = () => applyDecorators(IsArray(), ArrayMaxSize(50), IsString({ each: true }), MaxLength(8, { each: true }));

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

  @ApiPropertyOptional({ ...LANGUAGES_DOC, default: ['sv'] })
  @IsOptional() @LanguageList()
  languages?: string[];

  @ApiPropertyOptional({
    enum: BASIC_TRAINING,
    default: 'passed',
    description: '`pending`: takes no case (409 basic-training-required) until a basic training session lists them; left out, the volunteer is taken as trained',
  })
  @IsOptional() @IsIn(BASIC_TRAINING)
  basicTraining?: (typeof BASIC_TRAINING)[number];
}

export class DeactivateVolunteerDto {
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional() @IsCalendarDate()
  activeUntil?: string;
}

export class LanguagesDto {
  @ApiProperty(LANGUAGES_DOC)
  @LanguageList()
  languages!: string[];
}
