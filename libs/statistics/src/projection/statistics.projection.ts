import type { CaseEvent, VolunteerEvent } from '@referral/case';
import type { RecordedEvent } from '@referral/event-store';
import type { ProjectionDefinition, TableNames } from '@referral/projections';
import type { SqlExecutor } from '@referral/sql';
import type { CountingPolicy } from '../counting/counting-policy';
import { defaultCountingPolicy } from '../counting/default-counting-policy';
import { genderKey } from '../gender-key';
import { caseContributions, countChanges, interactionCounts } from './contributions';
import { STATISTICS_TABLES, setupStatisticsTables, type StatisticsTable } from './statistics-schema';
import { evolveStatsCase } from './stats-case';
import { addCounts, loadStatsCase, saveStatsCase } from './stats-case-rows';

const CASE_EVENTS = new Set<string>([
  'CaseReceived', 'TriageResolved', 'ContactRecorded', 'PersonLinked',
  'FirstContactDeadlineMissed', 'ReachAttemptsDeadlineMissed', 'DeadlineBreachRetracted',
]);

async function handleVolunteer(event: VolunteerEvent, tx: SqlExecutor, tables: TableNames<StatisticsTable>): Promise<void> {
  if (event.type === 'VolunteerRegistered') {
    const { data } = event;
    await tx.query(
      `INSERT INTO ${tables.stats_volunteers} (volunteer_id, org, gender_key, active_from) VALUES ($1, $2, $3, $4::date)
       ON CONFLICT (volunteer_id) DO NOTHING`,
      [data.volunteerId, data.org, genderKey(data.gender, data.genderLabel), data.activeFrom],
    );
  } else {
    await tx.query(`UPDATE ${tables.stats_volunteers} SET active_until = $2::date WHERE volunteer_id = $1`, [
      event.data.volunteerId, event.data.activeUntil,
    ]);
  }
}

/** The statistics read model under the given counting rules. */
export function statisticsProjectionWith(policy: CountingPolicy): ProjectionDefinition<StatisticsTable> {
  return {
    name: 'statistics',
    version: 1,
    tables: STATISTICS_TABLES,
    setup: setupStatisticsTables,
    async handle(recorded: RecordedEvent, tx: SqlExecutor, tables: TableNames<StatisticsTable>) {
      if (recorded.type === 'VolunteerRegistered' || recorded.type === 'VolunteerDeactivated') {
        await handleVolunteer({ type: recorded.type, data: recorded.data } as unknown as VolunteerEvent, tx, tables);
        return;
      }
      if (!CASE_EVENTS.has(recorded.type)) return;
      const event = { type: recorded.type, data: recorded.data } as unknown as CaseEvent;
      const before = await loadStatsCase(tx, tables, event.data.caseId);
      const after = evolveStatsCase(before, event);
      if (!after) return;
      if (after !== before) await saveStatsCase(tx, tables, after);
      await addCounts(tx, tables, countChanges(caseContributions(before), caseContributions(after), interactionCounts(policy, after, event)));
    },
  };
}

/** Counted by `config/policy/counting.v1.json`. */
export const statisticsProjection = statisticsProjectionWith(defaultCountingPolicy);
