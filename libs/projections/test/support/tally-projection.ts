import type { RecordedEvent } from '@referral/event-store';
import type { ProjectionDefinition, TableNames } from '@referral/projections';
import type { SqlExecutor } from '@referral/sql';

export interface TallyOptions {
  name: string;
  version?: number;
  /** Runs after the event's writes, inside the batch transaction (to fail there). */
  afterWrite?: (event: RecordedEvent, tables: TableNames, tx: SqlExecutor) => unknown;
}

/**
 * A test read model: per stream, how many events and the sum of their `amount`; and one row per
 * applied event, deliberately without a unique key, so an event applied twice shows as a double.
 * Logical tables are `<name>_tally` and `<name>_applied`, so many tallies share one database.
 */
export function tallyProjection(options: TallyOptions): ProjectionDefinition {
  const tally = `${options.name}_tally`;
  const applied = `${options.name}_applied`;
  return {
    name: options.name,
    version: options.version ?? 1,
    tables: [tally, applied],
    async setup(tx: SqlExecutor, tables: TableNames) {
      await tx.query(
        `CREATE TABLE IF NOT EXISTS ${tables[tally]} (stream_id text PRIMARY KEY, events integer NOT NULL, amount bigint NOT NULL)`,
      );
      await tx.query(`CREATE TABLE IF NOT EXISTS ${tables[applied]} (event_id text NOT NULL, position bigint NOT NULL)`);
    },
    async handle(event: RecordedEvent, tx: SqlExecutor, tables: TableNames) {
      await tx.query(`INSERT INTO ${tables[applied]} (event_id, position) VALUES ($1, $2)`, [event.id, String(event.position)]);
      await tx.query(
        `INSERT INTO ${tables[tally]} (stream_id, events, amount) VALUES ($1, 1, $2)
         ON CONFLICT (stream_id) DO UPDATE SET events = ${tables[tally]}.events + 1, amount = ${tables[tally]}.amount + $2`,
        [event.streamId, Number(event.data.amount ?? 0)],
      );
      await options.afterWrite?.(event, tables, tx);
    },
  };
}

export interface TallyModel {
  tally: Array<{ stream_id: string; events: number; amount: number }>;
  applied: string[];
}

/** The read model as readers see it: through the views named by the logical tables. */
export async function readTally(db: SqlExecutor, name: string, tables?: TableNames): Promise<TallyModel> {
  const tally = tables?.[`${name}_tally`] ?? `${name}_tally`;
  const applied = tables?.[`${name}_applied`] ?? `${name}_applied`;
  const rows = await db.query<{ stream_id: string; events: number; amount: string | number }>(
    `SELECT stream_id, events, amount FROM ${tally} ORDER BY stream_id`,
  );
  const ids = await db.query<{ event_id: string }>(`SELECT event_id FROM ${applied} ORDER BY event_id`);
  return {
    tally: rows.rows.map((r) => ({ stream_id: r.stream_id, events: Number(r.events), amount: Number(r.amount) })),
    applied: ids.rows.map((r) => r.event_id),
  };
}

/** The same model folded straight from the events: what the read model must equal. */
export function foldTally(events: readonly RecordedEvent[]): TallyModel {
  const byStream = new Map<string, { stream_id: string; events: number; amount: number }>();
  for (const event of events) {
    const row = byStream.get(event.streamId) ?? { stream_id: event.streamId, events: 0, amount: 0 };
    row.events += 1;
    row.amount += Number(event.data.amount ?? 0);
    byStream.set(event.streamId, row);
  }
  const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    tally: [...byStream.values()].sort((a, b) => byKey(a.stream_id, b.stream_id)),
    applied: events.map((e) => e.id).sort(byKey),
  };
}
