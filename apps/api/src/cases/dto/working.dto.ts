import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { IsDateTimeWithOffset } from '../../http/validators/time-formats';

export const PARTY_ORGS = ['stodcentrum', 'boj-stockholm-gotland', 'boj-sodra-stockholm', 'boj-vasterort'] as const;
export const CHANNELS = ['phone', 'sms', 'email', 'letter', 'social-media', 'meeting', 'accompaniment', 'other-actor'] as const;
export const OUTCOMES = ['reached', 'no-answer', 'voicemail', 'wrong-number', 'declined'] as const;
export const CLOSURE_REASONS = ['support-given', 'declined', 'unreachable', 'linked', 'duplicate', 'other'] as const;

export class AssignmentDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'A volunteer id of the case\'s org (coordinator); `null` takes the case back (coordinator); `"me"` takes an unassigned case for the calling volunteer, where the org lets volunteers see unassigned cases',
  })
  // `null` is a value of its own here (unassign); a missing field is still refused.
  @ValidateIf((body: AssignmentDto) => body.volunteerId !== null)
  @IsString() @MinLength(1) @MaxLength(128)
  volunteerId!: string | null;
}

export class ContactDto {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel!: (typeof CHANNELS)[number];

  @ApiProperty({ enum: OUTCOMES, description: 'meeting and accompaniment are always reached' })
  @IsIn(OUTCOMES)
  outcome!: (typeof OUTCOMES)[number];

  @ApiPropertyOptional({ format: 'date-time', description: 'When it happened (default now); not in the future, not before receipt' })
  @IsOptional() @IsDateTimeWithOffset()
  at?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional() @IsString() @MaxLength(2000)
  note?: string;
}

export class LinkDto {
  @ApiProperty({ enum: PARTY_ORGS })
  @IsIn(PARTY_ORGS)
  to!: (typeof PARTY_ORGS)[number];

  /** Anything but `true` (false or missing) is refused by the domain with 422 consent-required (contract v1.1). */
  @ApiPropertyOptional({ description: 'The person agreed that their contact details are passed on; without it the link is 422 consent-required' })
  @IsOptional() @IsBoolean()
  consent?: boolean;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional() @IsDateTimeWithOffset()
  at?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional() @IsString() @MaxLength(2000)
  note?: string;
}

export class TriageDto {
  @ApiProperty({ enum: PARTY_ORGS })
  @IsIn(PARTY_ORGS)
  routeTo!: (typeof PARTY_ORGS)[number];
}

export class OverrideDto {
  @ApiProperty({ minLength: 1, maxLength: 500 })
  @IsString() @MinLength(1) @MaxLength(500)
  reason!: string;
}

export class ClosureDto {
  @ApiProperty({ enum: CLOSURE_REASONS })
  @IsIn(CLOSURE_REASONS)
  reason!: (typeof CLOSURE_REASONS)[number];

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional() @IsDateTimeWithOffset()
  at?: string;

  @ApiPropertyOptional({ type: OverrideDto, description: 'A coordinator closes as unreachable before the attempts rule holds' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => OverrideDto)
  override?: OverrideDto;
}

export class ErasureDto {
  @ApiProperty({ minLength: 1, maxLength: 500, description: 'Why the data is erased; kept in the case history in clear, so it must hold no personal data' })
  @IsString() @MinLength(1) @MaxLength(500)
  reason!: string;
}
