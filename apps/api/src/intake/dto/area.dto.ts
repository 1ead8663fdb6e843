import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class AreaDto {
  @ApiProperty({ maxLength: 60, example: 'Stockholm' })
  @IsString() @MinLength(1) @MaxLength(60)
  municipality!: string;

  @ApiPropertyOptional({ maxLength: 60, example: 'Bromma', description: 'City district when the municipality is Stockholm' })
  @IsOptional() @IsString() @MaxLength(60)
  district?: string;
}
