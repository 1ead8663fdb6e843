import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BASIC_TRAINING } from './volunteer.dto';

/** The answers' shapes, for the OpenAPI document only (the read models build the answers). */
export class VolunteerView {
  @ApiProperty() volunteerId!: string;
  @ApiProperty() org!: string;
  @ApiProperty({ description: 'The sub the volunteer signs in with' }) userId!: string;
  @ApiPropertyOptional({ description: 'Sealed at rest; absent (with personalData "erased") once the key is gone' }) displayName?: string;
  @ApiProperty() gender!: string;
  @ApiPropertyOptional() genderLabel?: string;
  @ApiProperty({ type: [String], description: 'ISO 639-1 codes' }) languages!: string[];
  @ApiProperty({ format: 'date' }) activeFrom!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) activeUntil!: string | null;
  @ApiProperty({ description: 'Open cases assigned to them now' }) openCases!: number;
  @ApiProperty({ enum: BASIC_TRAINING, description: '`pending` until a basic training session lists one registered as pending' }) basicTraining!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'The first basic session that listed them; null for none (one registered without `pending` is taken as trained)' })
  basicTrainingOn!: string | null;
}

export class VolunteerListAnswer {
  @ApiProperty({ type: [VolunteerView] }) items!: VolunteerView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: null;
}

export class VolunteerSuggestionView {
  @ApiProperty() volunteerId!: string;
  @ApiPropertyOptional() displayName?: string;
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty() openCases!: number;
  @ApiProperty({ description: "Speaks the person's preferredLanguage (Swedish when none was given)" }) speaksPreferredLanguage!: boolean;
}

export class VolunteerSuggestionsAnswer {
  @ApiProperty({ type: [VolunteerSuggestionView], description: 'Active volunteers of the case\'s org with the basic training passed: speakers first, then fewest open cases, then by name' })
  items!: VolunteerSuggestionView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: null;
}

export class LanguagesAnswer {
  @ApiProperty() volunteerId!: string;
  @ApiProperty({ type: [String] }) languages!: string[];
}

export class TrainingAnswer {
  @ApiProperty() trainingId!: string;
}
