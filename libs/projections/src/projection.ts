import type { RecordedEvent } from '@referral/event-store';
import type { SqlExecutor } from '@referral/sql';

/**
 * Logical table name -> physical table name of one generation (`case_list` -> `case_list__g2`).
 * Physical names are plain lower-case identifiers, safe to interpolate into SQL unquoted.
 */
export type TableNames<Table extends string = string> = Readonly<Record<Table, string>>;

/**
 * A read model fed from the store's global order. Each generation of it lives in its own
 * tables, so a rebuild can fill fresh ones while the active generation keeps serving.
 */
export interface ProjectionDefinition<Table extends string = string> {
  /** Stable name, lower-case identifier (`case_list`). */
  readonly name: string;
  /** Bump when `setup` or `handle` change meaning; a registered older version needs a rebuild. */
  readonly version: number;
  /** Logical names of the tables it owns; readers query views of these names. */
  readonly tables: readonly Table[];
  /**
   * Optional: the event types it writes anything for. A batch with none of them only moves the
   * checkpoint (one statement, no handler call); leave it out and every batch runs the handlers.
   * Each projection's test checks that every other type writes nothing.
   */
  readonly handles?: ReadonlySet<string>;
  /**
   * Creates the generation's tables (and indexes) idempotently, `CREATE TABLE IF NOT EXISTS`.
   * Runs when a generation is created and at every start-up of a current-version generation.
   */
  setup(tx: SqlExecutor, tables: TableNames<Table>): Promise<void>;
  /** Applies one event; runs inside the transaction that also moves the checkpoint. */
  handle(event: RecordedEvent, tx: SqlExecutor, tables: TableNames<Table>): Promise<void>;
  /**
   * Optional: applies a whole batch (in store order) at once, in the same transaction that moves
   * the checkpoint. When defined the runner calls it once per batch instead of `handle` per event,
   * so it must leave the tables exactly as `handle` on each event in turn would.
   */
  handleBatch?(events: readonly RecordedEvent[], tx: SqlExecutor, tables: TableNames<Table>): Promise<void>;
  /**
   * Optional: work on a batch that must happen before its transaction, e.g. opening sealed
   * personal data through the key table of the same database (embedded PGlite runs one
   * transaction at a time, so a query from outside it would wait for it for ever). Called again
   * when a failed batch is retried; it must not write the projection's tables.
   */
  prepare?(events: readonly RecordedEvent[]): Promise<void>;
}

/** Structured log lines; fields never carry event data (it may hold personal data). */
export interface ProjectionLogger {
  /** Optional: one line per applied batch (see batchLogFields), for following a request's events. */
  debug?(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: ProjectionLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
