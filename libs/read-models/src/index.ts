import type { ProjectionDefinition } from '@referral/projections';
import { caseViewsProjection } from './cases/case-views.projection';
import { handoverRefusalsProjection } from './refusals/handover-refusals.projection';
import { slaProjection } from './sla/sla.projection';
import { volunteersProjection } from './volunteers/volunteers.projection';
import { surveysProjection } from './surveys/surveys.projection';

export { caseViewsProjection, handoverRefusalsProjection, slaProjection, volunteersProjection, surveysProjection };
export type { CaseSurvey } from './surveys/survey-queries';
export { CaseQueries } from './case-queries';
export { InvalidCursorError } from './cases/list-cursor';
export type { CaseListItem, CaseStatus, SlaState } from './cases/case-list-item';
export type { CaseListFilter, CasePage } from './cases/list-cases';
export type { CaseDetail, CaseDetailOptions, CaseLink } from './cases/get-case';
export type { CaseHistoryEntry } from './cases/case-history-entry';
export type { PersonalDataReader } from './cases/reveal-case-detail';
export type { CaseDueForErasure } from './cases/retention-queries';
export type { Volunteer } from './volunteers/volunteer-queries';
export type { CaseForSuggestions, VolunteerSuggestion } from './volunteers/volunteer-suggestions';
export type { RefusalCountFilter, RefusedHandoverCounts } from './refusals/refusal-queries';
export type {
  AtRiskCase, AtRiskFilter, Breach, BreachFilter, CaseSlaState, DeadlineKind, FirstContactAtRisk, OpenDeadline, OrgScope, SlaStateOptions,
  TriageWaiting,
} from './sla/sla-queries';
export type { SlaRule } from './sla/sla-events';

/** Every read model of this library, for one runner each. */
export const readModelProjections: readonly ProjectionDefinition[] = [
  caseViewsProjection,
  volunteersProjection,
  handoverRefusalsProjection,
  slaProjection,
  surveysProjection,
];
