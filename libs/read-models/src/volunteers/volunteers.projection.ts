import type { VolunteerEvent } from '@referral/case';
import type { RecordedEvent } from '@referral/event-store';
import type { ProjectionDefinition, TableNames } from '@referral/projections';
import type { SqlExecutor } from '@referral/sql';
import { jsonParam } from '../sql-values';

export const VOLUNTEER_TABLES = ['volunteers'] as const;
export type VolunteerTable = (typeof VOLUNTEER_TABLES)[number];

/**
 * Each org's volunteers with their active period, from the volunteer streams. Version 2: the
 * name kept sealed as the store holds it (`personal_data`), opened only when it is shown.
 */
export const volunteersProjection: ProjectionDefinition<VolunteerTable> = {
  name: 'volunteers',
  version: 2,
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
      active_until date
    )`);
    await tx.query(`CREATE INDEX IF NOT EXISTS ${tables.volunteers}_by_user ON ${tables.volunteers} (org, user_id)`);
  },
  async handle(recorded: RecordedEvent, tx: SqlExecutor, tables: TableNames<VolunteerTable>) {
    const event = { type: recorded.type, data: recorded.data } as unknown as VolunteerEvent;
    if (event.type === 'VolunteerRegistered') {
      const { data } = event;
      // An event written before sealing has the name in clear, outside `personalData`.
      const personal = data.personalData ?? (data.displayName === undefined ? null : { displayName: data.displayName });
      await tx.query(
        `INSERT INTO ${tables.volunteers} (volunteer_id, org, user_id, personal_data, gender, gender_label, active_from)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7::date) ON CONFLICT (volunteer_id) DO NOTHING`,
        [data.volunteerId, data.org, data.userId, jsonParam(personal), data.gender, data.genderLabel ?? null, data.activeFrom],
      );
    } else if (event.type === 'VolunteerDeactivated') {
      await tx.query(`UPDATE ${tables.volunteers} SET active_until = $2::date WHERE volunteer_id = $1`, [
        event.data.volunteerId, event.data.activeUntil,
      ]);
    }
  },
};
