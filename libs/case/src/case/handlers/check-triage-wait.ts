import { formatInstant } from '../../time/instant';
import { pendingTriageWait } from '../../triage/triage-wait';
import { CheckTriageWait } from '../case-commands';
import { CaseDecision } from '../case-decision';
import { CaseState } from '../case-state';
import { caseCheckedAt } from './workable-case';

/**
 * Records `TriageWaitExceeded` when the case is still in triage strictly after its line (a case
 * received exactly `triageAlertHours` ago has not waited more than that). Its `at` is the line,
 * its `detectedAt` the check's `now`. Early, repeated or late checks are safe: nothing to do (not
 * due yet, already recorded, resolved, closed) answers `[]`.
 */
export function checkTriageWait(command: CheckTriageWait, state: CaseState): CaseDecision {
  const checked = caseCheckedAt(state, command.caseId, command.now);
  if (!checked.ok) return checked;
  const { record, nowMs } = checked.value;
  const pending = pendingTriageWait(record);
  if (pending === null || record.triageWait === null || Date.parse(pending.dueAt) >= nowMs) return { ok: true, events: [] };
  const { triageAlertHours, policyVersion } = record.triageWait;
  return {
    ok: true,
    events: [
      {
        type: 'TriageWaitExceeded',
        data: {
          caseId: record.caseId,
          org: 'triage',
          receivedAt: record.receivedAt,
          at: pending.dueAt,
          triageAlertHours,
          detectedAt: formatInstant(nowMs),
          policyVersion,
        },
      },
    ],
  };
}
