import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsDateTimeWithOffset } from '../../http/validators/time-formats';

const score = (statement: string) => ({ type: 'integer' as const, minimum: 1, maximum: 5, description: `${statement} (1-5, 5 best)` });

/** The four statements of the jours' survey; at least one must be scored (the domain checks that). */
export class SurveyScoresDto {
  @ApiPropertyOptional(score('I was treated well'))
  @IsOptional() @IsInt() @Min(1) @Max(5)
  bemotande?: number;

  @ApiPropertyOptional(score('Clear and factual information'))
  @IsOptional() @IsInt() @Min(1) @Max(5)
  information?: number;

  @ApiPropertyOptional(score('I got the help I needed'))
  @IsOptional() @IsInt() @Min(1) @Max(5)
  hjalp?: number;

  @ApiPropertyOptional(score('I would recommend it'))
  @IsOptional() @IsInt() @Min(1) @Max(5)
  rekommendera?: number;
}

export class SurveyAnswerDto {
  @ApiProperty({ type: SurveyScoresDto, description: 'At least one score' })
  @IsObject() @ValidateNested() @Type(() => SurveyScoresDto)
  scores!: SurveyScoresDto;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Free text; sealed apart from the case and never shown beside it' })
  @IsOptional() @IsString() @MaxLength(2000)
  comment?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the answer was given, for an answer on paper typed in later (default now): only with the bearer token of a coordinator of the case\'s org; within the 60 days, not in the future',
  })
  @IsOptional() @IsDateTimeWithOffset()
  at?: string;
}
