import { Decision } from '../shared/decision';
import { FieldProblem, conflict, invalid, notFound } from '../shared/domain-error';
import { parseCalendarDate } from '../time/calendar-date';
import { formatInstant, parseInstant } from '../time/instant';
import { DEFAULT_LANGUAGES, languageProblems } from './languages';
import { ChangeVolunteerLanguages, DeactivateVolunteer, RegisterVolunteer, VolunteerCommand } from './volunteer-commands';
import { VolunteerEvent } from './volunteer-events';
import { VolunteerState } from './volunteer-state';

export function decideVolunteer(command: VolunteerCommand, state: VolunteerState): Decision<VolunteerEvent> {
  switch (command.type) {
    case 'RegisterVolunteer':
      return register(command, state);
    case 'DeactivateVolunteer':
      return deactivate(command, state);
    case 'ChangeVolunteerLanguages':
      return changeLanguages(command, state);
  }
}

function register(command: RegisterVolunteer, state: VolunteerState): Decision<VolunteerEvent> {
  if (state.status !== 'none') {
    return { ok: false, error: conflict('volunteer-already-exists', `Volunteer ${command.volunteerId} exists`) };
  }
  const problems: FieldProblem[] = [];
  if (command.displayName.trim() === '') problems.push({ path: 'displayName', message: 'must not be empty' });
  if (!parseCalendarDate(command.activeFrom)) problems.push({ path: 'activeFrom', message: 'is not a valid date' });
  const languages = command.languages ?? DEFAULT_LANGUAGES;
  problems.push(...languageProblems(languages));
  const atMs = momentOf(command.at, problems);
  if (atMs === null || problems.length > 0) return { ok: false, error: invalid(problems) };
  const { volunteerId, org, gender, genderLabel, activeFrom, by } = command;
  return {
    ok: true,
    events: [
      {
        type: 'VolunteerRegistered',
        data: {
          volunteerId,
          org,
          gender,
          ...(genderLabel !== undefined ? { genderLabel } : {}),
          activeFrom,
          userId: command.userId ?? volunteerId,
          languages: [...languages],
          ...(command.basicTraining === 'pending' ? { basicTraining: 'pending' as const } : {}),
          at: formatInstant(atMs),
          ...(by !== undefined ? { by } : {}),
          personalData: { displayName: command.displayName.trim() },
        },
      },
    ],
  };
}

function changeLanguages(command: ChangeVolunteerLanguages, state: VolunteerState): Decision<VolunteerEvent> {
  if (state.status === 'none' || state.org !== command.org) return unknownVolunteer(command);
  const problems = languageProblems(command.languages);
  const atMs = momentOf(command.at, problems);
  if (atMs === null || problems.length > 0) return { ok: false, error: invalid(problems) };
  const unchanged = command.languages.length === state.languages.length && command.languages.every((code, i) => state.languages[i] === code);
  if (unchanged) return { ok: true, events: [] };
  return {
    ok: true,
    events: [
      {
        type: 'VolunteerLanguagesChanged',
        data: {
          volunteerId: command.volunteerId,
          org: command.org,
          languages: [...command.languages],
          at: formatInstant(atMs),
          ...(command.by !== undefined ? { by: command.by } : {}),
        },
      },
    ],
  };
}

function unknownVolunteer(command: { org: string; volunteerId: string }): Decision<VolunteerEvent> {
  return { ok: false, error: notFound('volunteer-not-found', `${command.org} has no volunteer ${command.volunteerId}`) };
}

function deactivate(command: DeactivateVolunteer, state: VolunteerState): Decision<VolunteerEvent> {
  if (state.status === 'none' || state.org !== command.org) return unknownVolunteer(command);
  if (state.activeUntil !== null) {
    return { ok: false, error: conflict('volunteer-already-deactivated', `Volunteer ${command.volunteerId} is already deactivated`) };
  }
  const problems: FieldProblem[] = [];
  if (!parseCalendarDate(command.activeUntil)) problems.push({ path: 'activeUntil', message: 'is not a valid date' });
  else if (command.activeUntil < state.activeFrom) problems.push({ path: 'activeUntil', message: 'is before activeFrom' });
  const atMs = momentOf(command.at, problems);
  if (atMs === null || problems.length > 0) return { ok: false, error: invalid(problems) };
  return {
    ok: true,
    events: [
      {
        type: 'VolunteerDeactivated',
        data: {
          volunteerId: command.volunteerId,
          org: command.org,
          activeUntil: command.activeUntil,
          at: formatInstant(atMs),
          ...(command.by !== undefined ? { by: command.by } : {}),
        },
      },
    ],
  };
}

function momentOf(text: string, problems: FieldProblem[]): number | null {
  const ms = parseInstant(text);
  if (ms === null) problems.push({ path: 'at', message: 'must be an ISO-8601 date-time with offset' });
  return ms;
}
