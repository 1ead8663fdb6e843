import { FieldProblem, invalid } from '../../shared/domain-error';
import { formatInstant } from '../../time/instant';
import { CaseDecision } from '../case-decision';
import { RecordContact } from '../case-commands';
import { ContactFact, CaseState } from '../case-state';
import { ALWAYS_REACHED_CHANNELS, isTowardsPerson } from '../contact';
import { isInEveningWindow } from '../evening-window';
import { refusedAfterErasure } from './erased-personal-data';
import { checkMoment } from './moment';
import { breachRetractions } from './retract-breaches';
import { openCase } from './workable-case';

/**
 * One interaction, when it happened: not in the future, not before the case was received. When
 * it shows a recorded breach did not happen (typed in late), the breach is retracted after it.
 */
export function recordContact(command: RecordContact, state: CaseState): CaseDecision {
  const found = openCase(state, command.caseId);
  if (!found.ok) return found;
  const record = found.value;
  const erased = command.note !== undefined ? refusedAfterErasure(record, 'note') : null;
  if (erased) return { ok: false, error: erased };
  const problems: FieldProblem[] = [];
  const atMs = checkMoment(command.at, 'at', { now: command.now, notBefore: record.receivedAt }, problems);
  if (ALWAYS_REACHED_CHANNELS.includes(command.channel) && command.outcome !== 'reached') {
    problems.push({ path: 'outcome', message: `a ${command.channel} always reaches the person: use 'reached'` });
  }
  if (atMs === null || problems.length > 0) return { ok: false, error: invalid(problems) };
  const towardsPerson = isTowardsPerson(command.channel);
  const contact: ContactFact = {
    channel: command.channel,
    outcome: command.outcome,
    at: formatInstant(atMs),
    towardsPerson,
    reached: towardsPerson && command.outcome === 'reached',
    inEveningWindow: record.sla !== null && isInEveningWindow(atMs, record.sla),
  };
  const now = formatInstant(Date.parse(command.now));
  return {
    ok: true,
    events: [
      {
        type: 'ContactRecorded',
        data: {
          caseId: record.caseId,
          org: record.org,
          ...contact,
          recordedAt: now,
          ...(command.by !== undefined ? { by: command.by } : {}),
          ...(command.note !== undefined ? { personalData: { note: command.note } } : {}),
        },
      },
      ...breachRetractions(record, contact, now, command.by),
    ],
  };
}
