import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

export class SafeHoursDto {
  @ApiProperty({ example: '09:00', pattern: TIME_OF_DAY.source, description: 'Stockholm local time HH:MM, inside' })
  @IsString() @Matches(TIME_OF_DAY, { message: 'must be a local time HH:MM' })
  from!: string;

  @ApiProperty({ example: '15:00', pattern: TIME_OF_DAY.source, description: 'Stockholm local time HH:MM, not inside; after `from`' })
  @IsString() @Matches(TIME_OF_DAY, { message: 'must be a local time HH:MM' })
  to!: string;
}

/** `POST /cases/{id}/contact-safety` (contract v1.1): replaces how the person may be contacted. */
export class ContactSafetyDto {
  @ApiProperty({ description: 'Whether a message may be left (voicemail, SMS): false when the phone may be shared with the one who hurt the person' })
  @IsBoolean()
  mayLeaveMessage!: boolean;

  @ApiPropertyOptional({ type: SafeHoursDto, nullable: true, description: 'Calls only between these local times; absent or null: any hour. Feeds the call planning (`nextAttempt`)' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => SafeHoursDto)
  safeHours?: SafeHoursDto | null;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Personal data: sealed at rest, erased with the person' })
  @IsOptional() @IsString() @MaxLength(2000)
  note?: string;
}
