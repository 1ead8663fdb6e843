import { formatCalendarDate, localDateOf, STOCKHOLM, type HandoverRefusedForConsent } from '@referral/case';
import type { RecordedEvent } from '@referral/event-store';
import type { ProjectionDefinition, TableNames } from '@referral/projections';
import type { SqlExecutor } from '@referral/sql';

export const HANDOVER_REFUSAL_TABLES = ['handover_refusals'] as const;
export type HandoverRefusalTable = (typeof HANDOVER_REFUSAL_TABLES)[number];

/**
 * How many handovers were refused for want of consent, per Stockholm day of refusal and the org
 * they would have gone to. Only counts: no handover id, no personal data.
 */
export const handoverRefusalsProjection: ProjectionDefinition<HandoverRefusalTable> = {
  name: 'handover_refusals',
  handles: new Set(['HandoverRefusedForConsent']),
  version: 1,
  tables: HANDOVER_REFUSAL_TABLES,
  async setup(tx: SqlExecutor, tables: TableNames<HandoverRefusalTable>) {
    await tx.query(`CREATE TABLE IF NOT EXISTS ${tables.handover_refusals} (
      day date NOT NULL,
      org text NOT NULL,
      refused integer NOT NULL,
      PRIMARY KEY (day, org)
    )`);
  },
  async handle(recorded: RecordedEvent, tx: SqlExecutor, tables: TableNames<HandoverRefusalTable>) {
    if (recorded.type !== 'HandoverRefusedForConsent') return;
    const { data } = recorded as unknown as HandoverRefusedForConsent;
    const day = formatCalendarDate(localDateOf(Date.parse(data.at), STOCKHOLM));
    await tx.query(
      `INSERT INTO ${tables.handover_refusals} AS r (day, org, refused) VALUES ($1::date, $2, 1)
       ON CONFLICT (day, org) DO UPDATE SET refused = r.refused + 1`,
      [day, data.wouldRouteTo],
    );
  },
};
