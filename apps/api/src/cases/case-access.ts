import { Injectable } from '@nestjs/common';
import type { CaseState } from '@referral/case';
import { CaseQueries } from '@referral/read-models';
import accessPolicy from '../../../../config/policy/access.v1.json';
import { noteCaseGrant } from '../audit/access-notes';
import { hasRole, type Caller } from '../auth/caller';
import { ApiException } from '../http/api-exception';

/** What part of its org's cases a caller may see and work. */
export interface CaseScope {
  /** Orgs whose cases are visible; `all` for nobody yet (kept for the city's aggregate views). */
  orgs: string[];
  /** Set for a volunteer without a wider role: only these assignees (plus unassigned, if allowed). */
  volunteerIds?: string[];
  includeUnassigned?: boolean;
}

const notFound = () => new ApiException(404, 'case-not-found', 'No such case');

/**
 * Another org's case, or a case a volunteer may not see, is "not found": the answer never tells
 * that it exists.
 */
@Injectable()
export class CaseAccess {
  constructor(private readonly queries: CaseQueries) {}

  async scopeOf(caller: Caller): Promise<CaseScope> {
    // The city's coordinators hold the triage queue and see no org's cases; the city's other
    // roles see no case at all (the city reads aggregate statistics, never personal data).
    if (caller.org === 'city' && !hasRole(caller, 'coordinator')) return { orgs: [] };
    const orgs = caller.org === 'city' ? ['triage'] : [caller.org];
    if (hasRole(caller, 'coordinator', 'staff', 'admin')) return { orgs };
    const volunteerIds = await this.queries.findVolunteerIdsByUserId(caller.org, caller.sub);
    return { orgs, volunteerIds, includeUnassigned: volunteersSeeUnassigned(caller.org) };
  }

  /** Throws 404 unless the caller may work this case (as the decider sees it). */
  async check(caller: Caller, state: CaseState): Promise<void> {
    await this.checkView(caller, state.status === 'none' ? null : state);
  }

  /** Throws 404 unless the caller may see a case held by `holder` (null: no such case). */
  async checkView(caller: Caller, holder: { org: string; assigneeId: string | null } | null): Promise<void> {
    if (holder === null) throw notFound();
    const scope = await this.scopeOf(caller);
    if (!scope.orgs.includes(holder.org)) throw notFound();
    if (!scope.volunteerIds) return noteCaseGrant(`case held by caller's org ${holder.org}`);
    if (holder.assigneeId === null ? scope.includeUnassigned : scope.volunteerIds.includes(holder.assigneeId)) {
      return noteCaseGrant(holder.assigneeId === null ? "unassigned, visible to the org's volunteers" : 'assigned to caller');
    }
    throw notFound();
  }
}

/** The org's access policy lets its volunteers see (and take) unassigned cases. */
export function volunteersSeeUnassigned(org: string): boolean {
  const orgs = accessPolicy.orgs as Record<string, { volunteersSeeUnassigned: boolean } | undefined>;
  return orgs[org]?.volunteersSeeUnassigned ?? false;
}
