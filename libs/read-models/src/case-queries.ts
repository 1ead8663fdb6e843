import type { SqlExecutor } from '@referral/sql';
import { getCase, type CaseDetail, type CaseDetailOptions } from './cases/get-case';
import { listCasesDueForErasure, type CaseDueForErasure } from './cases/retention-queries';
import { unsealedReader, type PersonalDataReader } from './cases/reveal-case-detail';
import { listCases, type CaseListFilter, type CasePage } from './cases/list-cases';
import {
  listAtRisk, listBreaches, listOpenDeadlines, slaStateOf,
  type AtRiskCase, type AtRiskFilter, type Breach, type BreachFilter, type CaseSlaState, type OpenDeadline, type SlaStateOptions,
} from './sla/sla-queries';
import { countRefusedHandovers, type RefusalCountFilter, type RefusedHandoverCounts } from './refusals/refusal-queries';
import { findCaseSurvey, findSurveyOffer, type CaseSurvey } from './surveys/survey-queries';
import type { SurveyOffer } from '@referral/case';
import { findVolunteer, findVolunteerIdsByUserId, listVolunteers, volunteersOfOrg, type Volunteer } from './volunteers/volunteer-queries';
import { caseForSuggestions, suggestVolunteers, type CaseForSuggestions, type VolunteerSuggestion } from './volunteers/volunteer-suggestions';

/**
 * The read side the API asks: plain SQL on the logical view names, so it always reads the active
 * generation of each projection. Scoping (which orgs, which assignees) is the caller's to pass.
 */
export class CaseQueries {
  constructor(
    private readonly db: SqlExecutor,
    private readonly personalData: PersonalDataReader = unsealedReader,
  ) {}

  /** @throws InvalidCursorError for a cursor this list did not hand out. */
  listCases(filter: CaseListFilter): Promise<CasePage> {
    return listCases(this.db, filter);
  }

  getCase(caseId: string, options?: CaseDetailOptions): Promise<CaseDetail | null> {
    return getCase(this.db, caseId, { personalData: this.personalData, ...options });
  }

  /** Closed cases past their retention whose personal data is still kept, oldest closure first. */
  casesDueForErasure(org: string, closedBefore: Date, limit = 500, after: CaseDueForErasure | null = null): Promise<CaseDueForErasure[]> {
    return listCasesDueForErasure(this.db, org, closedBefore, limit, after);
  }

  /** The survey offered when the case was closed, if any. */
  caseSurvey(caseId: string): Promise<CaseSurvey | null> {
    return findCaseSurvey(this.db, caseId, this.personalData);
  }

  /** The offer a survey id leads to, or `null`. */
  surveyOffer(surveyId: string): Promise<SurveyOffer | null> {
    return findSurveyOffer(this.db, surveyId);
  }

  findVolunteer(volunteerId: string): Promise<Volunteer | null> {
    return findVolunteer(this.db, volunteerId, this.personalData);
  }

  findVolunteerIdsByUserId(org: string, userId: string): Promise<string[]> {
    return findVolunteerIdsByUserId(this.db, org, userId);
  }

  listVolunteers(org: string): Promise<Volunteer[]> {
    return listVolunteers(this.db, org, this.personalData);
  }

  /** Which of `volunteerIds` are volunteers of `org`, active or not. */
  volunteersOfOrg(org: string, volunteerIds: readonly string[]): Promise<Set<string>> {
    return volunteersOfOrg(this.db, org, volunteerIds);
  }

  /** The org, holder and the person's preferred language of a case; no personal data opened. */
  caseForSuggestions(caseId: string): Promise<CaseForSuggestions | null> {
    return caseForSuggestions(this.db, caseId);
  }

  /** Active, trained volunteers of `org` on `today`: speakers of `language` first, then fewest open cases. */
  suggestVolunteers(filter: { org: string; language: string; today: string }): Promise<VolunteerSuggestion[]> {
    return suggestVolunteers(this.db, this.personalData, filter);
  }

  countRefusedHandovers(filter?: RefusalCountFilter): Promise<RefusedHandoverCounts> {
    return countRefusedHandovers(this.db, filter);
  }

  /** `GET /sla/breaches`: unretracted breaches, `breachedAt` in [from, to], by `breachedAt` then case id. */
  breaches(filter: BreachFilter): Promise<Breach[]> {
    return listBreaches(this.db, filter);
  }

  /**
   * `GET /sla/at-risk`: open, uncontacted cases with first contact due in (now, now + withinHours];
   * with `includeTriage`, first the triage cases past the city's line.
   */
  atRisk(filter: AtRiskFilter): Promise<AtRiskCase[]> {
    return listAtRisk(this.db, filter);
  }

  /** Every deadline timer that should be armed (reconciliation at start-up and on a schedule). */
  openDeadlines(): Promise<OpenDeadline[]> {
    return listOpenDeadlines(this.db);
  }

  /** One case's deadlines, attempts and breaches, with its SLA state at `options.now`. */
  slaStateOf(caseId: string, options: SlaStateOptions): Promise<CaseSlaState | null> {
    return slaStateOf(this.db, caseId, options);
  }
}
