import { FieldProblem, invalid } from '../../shared/domain-error';
import { formatInstant } from '../../time/instant';
import { CaseDecision } from '../case-decision';
import { RecordContact } from '../case-commands';
import { CaseState } from '../case-state';
import { ALWAYS_REACHED_CHANNELS, isTowardsPerson } from '../contact';
import { isInEveningWindow } from '../evening-window';
import { checkMoment } from './moment';
import { openCase } from './workable-case';

/** One interaction, when it happened: not in the future, not before the case was received. */
export function recordContact(command: RecordContact, state: CaseState): CaseDecision {
  const found = openCase(state, command.caseId);
  if (!found.ok) return found;
  const record = found.value;
  const problems: FieldProblem[] = [];
  const atMs = checkMoment(command.at, 'at', { now: command.now, notBefore: record.receivedAt }, problems);
  if (ALWAYS_REACHED_CHANNELS.includes(command.channel) && command.outcome !== 'reached') {
    problems.push({ path: 'outcome', message: `a ${command.channel} always reaches the person: use 'reached'` });
  }
  if (atMs === null || problems.length > 0) return { ok: false, error: invalid(problems) };
  return {
    ok: true,
    events: [
      {
        type: 'ContactRecorded',
        data: {
          caseId: record.caseId,
          org: record.org,
          channel: command.channel,
          outcome: command.outcome,
          at: formatInstant(atMs),
          recordedAt: formatInstant(Date.parse(command.now)),
          towardsPerson: isTowardsPerson(command.channel),
          reached: isTowardsPerson(command.channel) && command.outcome === 'reached',
          inEveningWindow: record.sla !== null && isInEveningWindow(atMs, record.sla),
          ...(command.by !== undefined ? { by: command.by } : {}),
          ...(command.note !== undefined ? { personalData: { note: command.note } } : {}),
        },
      },
    ],
  };
}
