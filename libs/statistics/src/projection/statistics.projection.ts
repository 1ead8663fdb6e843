import type { CaseEvent, SurveyAnswered, TrainingHeld, VolunteerEvent } from '@referral/case';
import type { RecordedEvent } from '@referral/event-store';
import type { ProjectionDefinition, TableNames } from '@referral/projections';
import type { SqlExecutor } from '@referral/sql';
import type { CountingPolicy } from '../counting/counting-policy';
import { defaultCountingPolicy } from '../counting/default-counting-policy';
import { countId, stepStatsCase, trainingCount, type Count } from './contributions';
import { STATISTICS_TABLES, setupStatisticsTables, type StatisticsTable } from './statistics-schema';
import type { StatsCase } from './stats-case';
import { addCounts, loadStatsCases, loadStatsVolunteers, saveStatsCases, saveStatsVolunteers } from './stats-case-rows';
import { evolveStatsVolunteer, type StatsVolunteer } from './stats-volunteer';
import { surveyCounts } from './survey-counts';

const CASE_EVENTS = new Set<string>([
  'CaseReceived', 'TriageResolved', 'ContactRecorded', 'PersonLinked',
  'FirstContactDeadlineMissed', 'ReachAttemptsDeadlineMissed', 'DeadlineBreachRetracted',
]);
const VOLUNTEER_EVENTS = new Set<string>(['VolunteerRegistered', 'VolunteerDeactivated']);

const caseEventOf = (recorded: RecordedEvent) => ({ type: recorded.type, data: recorded.data }) as unknown as CaseEvent;
const volunteerEventOf = (recorded: RecordedEvent) => ({ type: recorded.type, data: recorded.data }) as unknown as VolunteerEvent;

/**
 * Count changes summed per (day, org, figure, key). A key stays once an event changed it, even if
 * the sum comes back to zero, so the table ends as one upsert per event would leave it.
 */
class CountDeltas {
  private readonly byKey = new Map<string, Count>();

  add(counts: readonly Count[]): void {
    for (const count of counts) {
      const id = countId(count);
      const n = (this.byKey.get(id)?.n ?? 0) + count.n;
      this.byKey.set(id, { ...count, n });
    }
  }

  get all(): Count[] {
    return [...this.byKey.values()];
  }
}

/**
 * Applies the events of a batch in order: loads every case and volunteer they touch in one query
 * each, evolves them in memory (the same pure steps, one event at a time), then writes the changed
 * cases, the changed volunteers and the summed count changes with one multi-row upsert each.
 */
async function applyStatistics(
  policy: CountingPolicy,
  events: readonly RecordedEvent[],
  tx: SqlExecutor,
  tables: TableNames<StatisticsTable>,
): Promise<void> {
  const caseEvents = events.filter((e) => CASE_EVENTS.has(e.type)).map(caseEventOf);
  const volunteerEvents = events.filter((e) => VOLUNTEER_EVENTS.has(e.type)).map(volunteerEventOf);

  if (volunteerEvents.length > 0) {
    const volunteers = await loadStatsVolunteers(tx, tables, [...new Set(volunteerEvents.map((e) => e.data.volunteerId))]);
    const changed = new Map<string, StatsVolunteer>();
    for (const event of volunteerEvents) {
      const before = volunteers.get(event.data.volunteerId) ?? null;
      const after = evolveStatsVolunteer(before, event);
      if (!after || after === before) continue;
      volunteers.set(after.volunteerId, after);
      changed.set(after.volunteerId, after);
    }
    await saveStatsVolunteers(tx, tables, [...changed.values()]);
  }

  const deltas = new CountDeltas();
  for (const answer of events.filter((e) => e.type === 'SurveyAnswered')) {
    deltas.add(surveyCounts({ type: 'SurveyAnswered', data: answer.data } as unknown as SurveyAnswered));
  }
  deltas.add(events.filter((e) => e.type === 'TrainingHeld').map((e) => trainingCount({ type: 'TrainingHeld', data: e.data } as unknown as TrainingHeld)));
  if (caseEvents.length === 0) return addCounts(tx, tables, deltas.all);
  const cases = await loadStatsCases(tx, tables, [...new Set(caseEvents.map((e) => e.data.caseId))]);
  const changed = new Map<string, StatsCase>();
  for (const event of caseEvents) {
    const before = cases.get(event.data.caseId) ?? null;
    const step = stepStatsCase(policy, before, event);
    if (!step) continue;
    if (step.after !== before) {
      cases.set(step.after.caseId, step.after);
      changed.set(step.after.caseId, step.after);
    }
    deltas.add(step.counts);
  }
  await saveStatsCases(tx, tables, [...changed.values()]);
  await addCounts(tx, tables, deltas.all);
}

/** The statistics read model under the given counting rules. */
export function statisticsProjectionWith(policy: CountingPolicy): ProjectionDefinition<StatisticsTable> {
  return {
    name: 'statistics',
    handles: new Set([...CASE_EVENTS, ...VOLUNTEER_EVENTS, 'SurveyAnswered', 'TrainingHeld']),
    version: 1,
    tables: STATISTICS_TABLES,
    setup: setupStatisticsTables,
    handle: (event: RecordedEvent, tx: SqlExecutor, tables: TableNames<StatisticsTable>) => applyStatistics(policy, [event], tx, tables),
    handleBatch: (events: readonly RecordedEvent[], tx: SqlExecutor, tables: TableNames<StatisticsTable>) =>
      applyStatistics(policy, events, tx, tables),
  };
}

/** Counted by `config/policy/counting.v1.json`. */
export const statisticsProjection = statisticsProjectionWith(defaultCountingPolicy);
