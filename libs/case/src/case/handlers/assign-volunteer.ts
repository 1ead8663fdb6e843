import { FieldProblem, conflict, invalid } from '../../shared/domain-error';
import { formatInstant } from '../../time/instant';
import { CaseDecision } from '../case-decision';
import { AssignVolunteer } from '../case-commands';
import { CaseState } from '../case-state';
import { checkMoment } from './moment';
import { openCase } from './workable-case';

/** Only an active volunteer of the case's own org; assigning the current assignee again is a no-op. */
export function assignVolunteer(command: AssignVolunteer, state: CaseState): CaseDecision {
  const found = openCase(state, command.caseId);
  if (!found.ok) return found;
  const record = found.value;
  const { volunteer } = command;
  if (volunteer.org !== record.org) {
    return { ok: false, error: conflict('volunteer-other-org', `Volunteer ${volunteer.id} is not of ${record.org}`) };
  }
  if (!volunteer.active) {
    return { ok: false, error: conflict('volunteer-not-active', `Volunteer ${volunteer.id} is not active`) };
  }
  if (record.assigneeId === volunteer.id) return { ok: true, events: [] };
  const problems: FieldProblem[] = [];
  const atMs = checkMoment(command.at, 'at', {}, problems);
  if (atMs === null) return { ok: false, error: invalid(problems) };
  return {
    ok: true,
    events: [
      {
        type: 'VolunteerAssigned',
        data: {
          caseId: record.caseId,
          org: record.org,
          volunteerId: volunteer.id,
          ...(record.assigneeId !== null ? { previousVolunteerId: record.assigneeId } : {}),
          at: formatInstant(atMs),
          ...(command.by !== undefined ? { by: command.by } : {}),
        },
      },
    ],
  };
}
