import { DEFAULT_LANGUAGES, type TrainingEvent, type VolunteerEvent } from '@referral/case';
import type { RecordedEvent } from '@referral/event-store';
import type { ProjectionDefinition, TableNames } from '@referral/projections';
import type { SqlExecutor } from '@referral/sql';
import { jsonParam } from '../sql-values';

export const VOLUNTEER_TABLES = ['volunteers'] as const;
export type VolunteerTable = (typeof VOLUNTEER_TABLES)[number];

/**
 * Each org's volunteers with their active period, from the volunteer streams. Version 2: the
 * name kept sealed as the store holds it (`personal_data`), opened only when it is shown.
 * Version 3: languages, and the basic training (as registered, and the first basic session that
 * listed them, from the training streams).
 */
export const volunteersProjection: ProjectionDefinition<VolunteerTable> = {
  name: 'volunteers',
  handles: new Set(['VolunteerRegistered', 'VolunteerDeactivated', 'VolunteerLanguagesChanged', 'TrainingHeld']),
  version: 3,
  tables: VOLUNTEER_TABLES,
  async setup(tx: SqlExecutor, tables: TableNames<VolunteerTable>) {
    await tx.query(`CREATE TABLE IF NOT EXISTS ${tables.volunteers} (
      volunteer_id text COLLATE "C" PRIMARY KEY,
      org text NOT NULL,
      user_id text NOT NULL,
      personal_data jsonb,
      gender text NOT NULL,
      gender_label text,
      active_from date NOT NULL,
      active_until date,
      languages jsonb NOT NULL,
      basic_training_pending boolean NOT NULL,
      basic_training_on date
    )`);
    await tx.query(`CREATE INDEX IF NOT EXISTS ${tables.volunteers}_by_user ON ${tables.volunteers} (org, user_id)`);
  },
  async handle(recorded: RecordedEvent, tx: SqlExecutor, tables: TableNames<VolunteerTable>) {
    const event = { type: recorded.type, data: recorded.data } as unknown as VolunteerEvent | TrainingEvent;
    const table = tables.volunteers;
    switch (event.type) {
      case 'VolunteerRegistered': {
        const { data } = event;
        // An event written before sealing has the name in clear, outside `personalData`.
        const personal = data.personalData ?? (data.displayName === undefined ? null : { displayName: data.displayName });
        await tx.query(
          `INSERT INTO ${table} (volunteer_id, org, user_id, personal_data, gender, gender_label, active_from, languages, basic_training_pending)
           VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7::date, $8::jsonb, $9) ON CONFLICT (volunteer_id) DO NOTHING`,
          [
            data.volunteerId, data.org, data.userId, jsonParam(personal), data.gender, data.genderLabel ?? null, data.activeFrom,
            jsonParam(data.languages ?? DEFAULT_LANGUAGES), data.basicTraining === 'pending',
          ],
        );
        return;
      }
      case 'VolunteerDeactivated':
        await tx.query(`UPDATE ${table} SET active_until = $2::date WHERE volunteer_id = $1`, [event.data.volunteerId, event.data.activeUntil]);
        return;
      case 'VolunteerLanguagesChanged':
        await tx.query(`UPDATE ${table} SET languages = $2::jsonb WHERE volunteer_id = $1`, [event.data.volunteerId, jsonParam(event.data.languages)]);
        return;
      case 'TrainingHeld':
        // The earliest basic session listing them, whatever order sessions are recorded in.
        if (event.data.kind !== 'basic') return;
        await tx.query(
          `UPDATE ${table} SET basic_training_on = LEAST(basic_training_on, $3::date)
            WHERE org = $1 AND volunteer_id = ANY($2::text[])`,
          [event.data.org, [...event.data.participants], event.data.on],
        );
        return;
    }
  },
};
