import { Result, err, ok } from '../../shared/result';
import { DomainError, conflict, invalid, notFound } from '../../shared/domain-error';
import { parseInstant } from '../../time/instant';
import { OrgId } from '../../shared/org';
import { CaseRecord, CaseState } from '../case-state';

/** An open case is always held by an org: only triage cases are held by nobody. */
export type OpenCase = CaseRecord & { readonly status: 'open'; readonly org: OrgId };

/** The case exists. */
export function existingCase(state: CaseState, caseId: string): Result<CaseRecord, DomainError> {
  return state.status === 'none' ? err(notFound('case-not-found', `There is no case ${caseId}`)) : ok(state);
}

/** The case exists and is not closed (it may be in triage). */
export function unclosedCase(state: CaseState, caseId: string): Result<CaseRecord, DomainError> {
  const found = existingCase(state, caseId);
  if (found.ok && found.value.status === 'closed') {
    return err(conflict('case-closed', `Case ${caseId} is closed`));
  }
  return found;
}

/** The case can be worked: open, held by an org, not waiting in triage. */
export function openCase(state: CaseState, caseId: string): Result<OpenCase, DomainError> {
  const found = unclosedCase(state, caseId);
  if (found.ok && found.value.status === 'triage') {
    return err(conflict('case-in-triage', `Case ${caseId} waits in triage; it must be routed to an org first`));
  }
  return found as Result<OpenCase, DomainError>;
}

/** A check of a case at an instant (deadlines, triage wait): the case exists and `now` is an instant. */
export function caseCheckedAt(state: CaseState, caseId: string, now: string): Result<{ record: CaseRecord; nowMs: number }, DomainError> {
  const found = existingCase(state, caseId);
  if (!found.ok) return found;
  const nowMs = parseInstant(now);
  if (nowMs === null) return err(invalid([{ path: 'now', message: 'must be an ISO-8601 date-time with offset' }]));
  return ok({ record: found.value, nowMs });
}
