import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One item of `GET /sla/at-risk`, as the OpenAPI document shows it (answers are plain objects). */
export class AtRiskItemDto {
  @ApiProperty()
  caseId!: string;

  @ApiProperty({ description: 'The holder; `triage` for a triage case' })
  org!: string;

  @ApiProperty({
    enum: ['first-contact', 'triage'],
    description:
      '`first-contact`: an open case without contact whose first contact falls due within the window. ' +
      '`triage` (city coordinators only): a triage case still not routed more than `triageAlertHours` ' +
      '(config/policy/sla.v1.json, city.triageAlertHours, default 24) after receipt; these come first, oldest receipt first',
  })
  rule!: 'first-contact' | 'triage';

  @ApiPropertyOptional({ format: 'date-time', description: 'rule first-contact: when first contact is due' })
  firstContactDueAt?: string;

  @ApiPropertyOptional({ description: 'rule first-contact: the assigned volunteer, if any' })
  assigneeId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'rule triage: when the case was received' })
  receivedAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'rule triage: received + triageAlertHours, the line it crossed' })
  alertAt?: string;
}

export class AtRiskPageDto {
  @ApiProperty({ type: [AtRiskItemDto] })
  items!: AtRiskItemDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}
