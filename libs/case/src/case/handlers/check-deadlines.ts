import { SlaTerms } from '../../config/sla-policy';
import { reachStandingBy } from '../../deadlines/deadline-rules';
import { PendingDeadline, pendingDeadlines } from '../../deadlines/pending-deadlines';
import { OrgId, isOrgId } from '../../shared/org';
import { formatInstant } from '../../time/instant';
import { CheckDeadlines } from '../case-commands';
import { CaseDecision } from '../case-decision';
import { CaseRecord, CaseState } from '../case-state';
import { DeadlineEvent } from '../deadline-events';
import { caseCheckedAt } from './workable-case';

/**
 * Records each breach the facts show at `now`: a pending deadline whose due instant is strictly
 * before `now`. The breach carries its true time (`at` = `dueAt`) and `detectedAt` = `now`.
 * Early, late or repeated checks are safe: a recorded breach is never recorded again, and nothing
 * to do answers `[]`. A closed case still gets a breach that fell due before its closure.
 */
export function checkDeadlines(command: CheckDeadlines, state: CaseState): CaseDecision {
  const checked = caseCheckedAt(state, command.caseId, command.now);
  if (!checked.ok) return checked;
  const { record, nowMs } = checked.value;
  const { sla } = record;
  if (sla === null || !isOrgId(record.org)) return { ok: true, events: [] };
  const org = record.org;
  const detectedAt = formatInstant(nowMs);
  const events = pendingDeadlines(record)
    .filter((deadline) => Date.parse(deadline.dueAt) < nowMs)
    .map((deadline) => breachOf(record, org, sla, deadline, detectedAt));
  return { ok: true, events };
}

function breachOf(
  record: CaseRecord,
  org: OrgId,
  terms: SlaTerms,
  { rule, dueAt }: PendingDeadline,
  detectedAt: string,
): DeadlineEvent {
  const common = { caseId: record.caseId, org, at: dueAt, dueAt, detectedAt };
  if (rule === 'first-contact') {
    return { type: 'FirstContactDeadlineMissed', data: { ...common, policyVersion: terms.policyVersion } };
  }
  const { phoneAttempts, eveningAttempts } = reachStandingBy(record.contacts, terms, dueAt);
  return {
    type: 'ReachAttemptsDeadlineMissed',
    data: { ...common, phoneAttempts, eveningAttempts, policyVersion: terms.policyVersion },
  };
}
