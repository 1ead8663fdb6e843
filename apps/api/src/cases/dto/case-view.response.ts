import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI shapes of the case view's v1.1 parts (the answers are built by the read models). */
class RequiredAttempts {
  @ApiProperty() phone!: number;
  @ApiProperty() evening!: number;
}

export class ReachAttemptsView {
  @ApiProperty({ description: 'Phone attempts made (any outcome)' }) phone!: number;
  @ApiProperty({ description: 'Of them in the evening window (18:00-21:00 Stockholm by default)' }) evening!: number;
  @ApiProperty({ type: RequiredAttempts, description: "The case's own SLA terms" }) required!: RequiredAttempts;
  @ApiProperty({ format: 'date-time', nullable: true, description: 'The reach-attempt deadline; null in triage' }) dueAt!: string | null;
  @ApiProperty({ description: 'The attempts meet the rule: the case may be closed as unreachable' }) met!: boolean;
}

export class NextAttemptView {
  @ApiProperty({ format: 'date-time', description: 'Not before now, nor before minHoursBetweenAttempts (policy contact.v1, default 2) after the last attempt' })
  from!: string;
  @ApiProperty({ format: 'date-time', description: 'Never past: the first-contact deadline while nobody was contacted, else the end of that evening window; inside the safe hours' })
  to!: string;
  @ApiProperty({ description: 'Every attempt still required must be an evening one: the window is the next evening window (inside the safe hours)' })
  evening!: boolean;
}

export class SharedOpenEveningView {
  @ApiProperty({ format: 'date', description: 'Stockholm date' }) on!: string;
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
}

class SafeHoursView {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
}

export class ContactSafetyView {
  @ApiProperty({ description: 'Default false when the crime is flagged vald-i-nara-relation or hedersrelaterat' }) mayLeaveMessage!: boolean;
  @ApiProperty({ type: SafeHoursView, nullable: true }) safeHours!: SafeHoursView | null;
  @ApiPropertyOptional({ description: 'Personal data; absent after erasure' }) note?: string;
}

export class CaseSurveyView {
  @ApiPropertyOptional({ description: '`/survey/<token>`: single-use, valid 60 days from closing; absent once the case is erased' }) link?: string;
  @ApiProperty() answered!: boolean;
}

/** `GET /cases/{id}` and the command answers that return the case view. */
export class CaseViewResponse {
  @ApiProperty() caseId!: string;
  @ApiProperty({ description: 'An org id, or triage' }) org!: string;
  @ApiProperty({ enum: ['open', 'closed', 'triage'] }) status!: string;
  @ApiProperty({ enum: ['handover', 'self-referral', 'other-actor', 'link'] }) source!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ nullable: true, type: String }) assigneeId!: string | null;
  @ApiProperty({ enum: ['ok', 'at-risk', 'breached'] }) slaState!: string;
  @ApiProperty() linkSuggested!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'As sent; personalData: "erased" after erasure' }) person!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true }) crime!: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'As sent with the handover (personal data: absent after erasure)' }) policeReportNumber?: string;
  @ApiPropertyOptional({ description: "The note the case came with (the Police's, for a handover); personal data" }) note?: string;
  @ApiProperty({ type: ReachAttemptsView }) reachAttempts!: ReachAttemptsView;
  @ApiProperty({ type: NextAttemptView, nullable: true, description: 'While open and the person not reached; null otherwise' }) nextAttempt!: NextAttemptView | null;
  @ApiProperty({ type: SharedOpenEveningView, nullable: true, description: "The jours' next shared open evening (policy contact.v1), shown with the plan; null where the org takes no part" })
  sharedOpenEvening!: SharedOpenEveningView | null;
  @ApiProperty({ type: ContactSafetyView }) contactSafety!: ContactSafetyView;
  @ApiPropertyOptional({ type: CaseSurveyView, description: "A closed support-given case's satisfaction survey, to its org" }) survey?: CaseSurveyView;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: '{caseId, org} of the case this one was linked from' }) linkedFrom?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: '{caseId, org} of the case this person was linked to' }) linkedTo?: Record<string, unknown>;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'The case events in order, each {type, at, ...}; ContactSafetyChanged {mayLeaveMessage, safeHours, note?}' })
  history!: Record<string, unknown>[];
}
