import { Decision } from '../shared/decision';
import { FieldProblem, conflict, invalid } from '../shared/domain-error';
import { formatCalendarDate, parseCalendarDate } from '../time/calendar-date';
import { formatInstant, parseInstant } from '../time/instant';
import { localDateOf } from '../time/zoned-time';
import { RecordTraining } from './training-commands';
import { TRAINING_KINDS, TrainingEvent, TrainingKind } from './training-events';

export type TrainingState = { readonly status: 'none' } | { readonly status: 'held'; readonly org: string };

export const initialTrainingState: TrainingState = { status: 'none' };

export function evolveTraining(_state: TrainingState, event: TrainingEvent): TrainingState {
  return { status: 'held', org: event.data.org };
}

/** A session held (not planned: `on` is not after today), for volunteers of the org, each listed once. */
export function decideTraining(command: RecordTraining, state: TrainingState): Decision<TrainingEvent> {
  if (state.status !== 'none') return { ok: false, error: conflict('training-already-recorded', `Training ${command.trainingId} exists`) };
  const problems: FieldProblem[] = [];
  const atMs = parseInstant(command.at);
  if (atMs === null) problems.push({ path: 'at', message: 'must be an ISO-8601 date-time with offset' });
  if (!(TRAINING_KINDS as readonly string[]).includes(command.kind)) problems.push({ path: 'kind', message: 'must be basic or further' });
  if (!parseCalendarDate(command.on)) problems.push({ path: 'on', message: 'is not a valid date' });
  else if (atMs !== null && command.on > formatCalendarDate(localDateOf(atMs))) problems.push({ path: 'on', message: 'is in the future' });
  if (command.topic !== undefined && command.topic.trim() === '') problems.push({ path: 'topic', message: 'must not be empty' });
  problems.push(...participantProblems(command));
  if (atMs === null || problems.length > 0) return { ok: false, error: invalid(problems) };
  const { trainingId, org, on, participants, by } = command;
  return {
    ok: true,
    events: [
      {
        type: 'TrainingHeld',
        data: {
          trainingId,
          org,
          kind: command.kind as TrainingKind,
          on,
          ...(command.topic !== undefined ? { topic: command.topic.trim() } : {}),
          participants: [...participants],
          at: formatInstant(atMs),
          ...(by !== undefined ? { by } : {}),
        },
      },
    ],
  };
}

function participantProblems({ participants, volunteersOfOrg, org }: RecordTraining): FieldProblem[] {
  if (participants.length === 0) return [{ path: 'participants', message: 'must list at least one volunteer' }];
  const seen = new Set<string>();
  return participants.flatMap((id, index) => {
    const path = `participants[${index}]`;
    const problem = !volunteersOfOrg.has(id) ? `is not a volunteer of ${org}` : seen.has(id) ? 'is listed twice' : null;
    seen.add(id);
    return problem === null ? [] : [{ path, message: problem }];
  });
}

export const trainingDecider = { decide: decideTraining, evolve: evolveTraining, initialState: initialTrainingState } as const;
