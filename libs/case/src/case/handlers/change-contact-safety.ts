import { FieldProblem, invalid } from '../../shared/domain-error';
import { formatInstant, parseInstant } from '../../time/instant';
import { CaseDecision } from '../case-decision';
import { ChangeContactSafety } from '../case-commands';
import { CaseState } from '../case-state';
import { checkSafeHours } from '../contact-safety';
import { refusedAfterErasure } from './erased-personal-data';
import { unclosedCase } from './workable-case';

/**
 * Replaces how the person may be contacted (also while in triage: the first call may come from
 * whoever resolves it). Safe hours must be `HH:MM` and end after they start; nothing is recorded
 * otherwise. After erasure a note is refused, as everywhere.
 */
export function changeContactSafety(command: ChangeContactSafety, state: CaseState): CaseDecision {
  const found = unclosedCase(state, command.caseId);
  if (!found.ok) return found;
  const record = found.value;
  const erased = command.note !== undefined ? refusedAfterErasure(record, 'note') : null;
  if (erased) return { ok: false, error: erased };
  const problems: FieldProblem[] = [];
  if (typeof command.mayLeaveMessage !== 'boolean') problems.push({ path: 'mayLeaveMessage', message: 'must be true or false' });
  const safeHours = command.safeHours === undefined || command.safeHours === null ? null : checkSafeHours(command.safeHours, 'safeHours', problems);
  const nowMs = parseInstant(command.now);
  if (nowMs === null) problems.push({ path: 'now', message: 'the clock reading must be an ISO-8601 date-time with offset' });
  if (problems.length > 0 || nowMs === null) return { ok: false, error: invalid(problems) };
  return {
    ok: true,
    events: [
      {
        type: 'ContactSafetyChanged',
        data: {
          caseId: record.caseId,
          org: record.org,
          at: formatInstant(nowMs),
          mayLeaveMessage: command.mayLeaveMessage,
          safeHours,
          ...(command.by !== undefined ? { by: command.by } : {}),
          ...(command.note !== undefined ? { personalData: { note: command.note } } : {}),
        },
      },
    ],
  };
}
