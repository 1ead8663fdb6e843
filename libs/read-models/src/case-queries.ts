import type { SqlExecutor } from '@referral/sql';
import { getCase, type CaseDetail, type CaseDetailOptions } from './cases/get-case';
import { listCasesDueForErasure, type CaseDueForErasure } from './cases/retention-queries';
import { unsealedReader, type PersonalDataReader } from './cases/reveal-case-detail';
import { listCases, type CaseListFilter, type CasePage } from './cases/list-cases';
import {
  listAtRisk, listBreaches, listOpenDeadlines, slaStateOf,
  type AtRiskCase, type AtRiskFilter, type Breach, type BreachFilter, type CaseSlaState, type OpenDeadline, type SlaStateOptions,
} from './sla/sla-queries';
import { caseWorkView, type CaseWorkView } from './contact-plans/case-work-view';
import { caseIdsByPoliceReportNumber, type PoliceReportDigests } from './police-reports/police-report-index.projection';
import { countRefusedHandovers, type RefusalCountFilter, type RefusedHandoverCounts } from './refusals/refusal-queries';
import { findVolunteer, findVolunteerIdsByUserId, listVolunteers, type Volunteer } from './volunteers/volunteer-queries';

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

  /** The call plan and contact safety of a case held by `org`, at `now` (contract v1.1); `null` when unknown. */
  caseWork(caseId: string, org: string, now: Date): Promise<CaseWorkView | null> {
    return caseWorkView(this.db, caseId, org, { now, personalData: this.personalData });
  }

  /** Ids of `org`'s cases with this Police report number, through the keyed index. */
  caseIdsByPoliceReportNumber(digests: PoliceReportDigests, org: string, number: string): Promise<string[]> {
    return caseIdsByPoliceReportNumber(this.db, digests, org, number);
  }

  /** Closed cases past their retention whose personal data is still kept, oldest closure first. */
  casesDueForErasure(org: string, closedBefore: Date, limit = 500, after: CaseDueForErasure | null = null): Promise<CaseDueForErasure[]> {
    return listCasesDueForErasure(this.db, org, closedBefore, limit, after);
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

  countRefusedHandovers(filter?: RefusalCountFilter): Promise<RefusedHandoverCounts> {
    return countRefusedHandovers(this.db, filter);
  }

  /** `GET /sla/breaches`: unretracted breaches, `breachedAt` in [from, to], by `breachedAt` then case id. */
  breaches(filter: BreachFilter): Promise<Breach[]> {
    return listBreaches(this.db, filter);
  }

  /** `GET /sla/at-risk`: open, uncontacted cases with first contact due in (now, now + withinHours]. */
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
