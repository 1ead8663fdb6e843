import { FieldProblem, conflict, invalid } from '../../shared/domain-error';
import { formatInstant } from '../../time/instant';
import { CaseDecision } from '../case-decision';
import { AssignVolunteer, UnassignVolunteer } from '../case-commands';
import { CaseState } from '../case-state';
import { checkMoment } from './moment';
import { openCase } from './workable-case';

/**
 * Only an active volunteer of the case's own org who has passed the basic training; assigning
 * the current assignee again is a no-op.
 */
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
  if (!volunteer.basicTrainingPassed) {
    return { ok: false, error: conflict('basic-training-required', `Volunteer ${volunteer.id} has not passed the basic training`) };
  }
  const atMs = moment(command.at);
  if (typeof atMs !== 'number') return atMs;
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

/** An open case's volunteer gives it back; a case nobody holds stays as it is. */
export function unassignVolunteer(command: UnassignVolunteer, state: CaseState): CaseDecision {
  const found = openCase(state, command.caseId);
  if (!found.ok) return found;
  const record = found.value;
  if (record.assigneeId === null) return { ok: true, events: [] };
  const atMs = moment(command.at);
  if (typeof atMs !== 'number') return atMs;
  const by = command.by !== undefined ? { by: command.by } : {};
  return {
    ok: true,
    events: [{ type: 'VolunteerUnassigned', data: { caseId: record.caseId, org: record.org, volunteerId: record.assigneeId, at: formatInstant(atMs), ...by } }],
  };
}

function moment(at: string): number | CaseDecision {
  const problems: FieldProblem[] = [];
  const atMs = checkMoment(at, 'at', {}, problems);
  return atMs === null ? { ok: false, error: invalid(problems) } : atMs;
}
