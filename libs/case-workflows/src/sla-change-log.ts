import { migrate, type SqlClient } from '@referral/sql';
import type { SlaChange } from './sla-changes';

/** A change as the live stream sends it: `id` orders every change of the deployment. */
export interface LoggedSlaChange {
  readonly id: string;
  readonly change: SlaChange;
}

export interface SlaChangeLogOptions {
  /** How long a change can be replayed (`Last-Event-ID`); the contract asks for at least 24 h. @defaultValue 48 h */
  keepMs?: number;
}

const MIGRATIONS = [
  {
    id: 'sla-change-log-1',
    sql: `CREATE TABLE IF NOT EXISTS sla_change_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      dedupe_key text NOT NULL UNIQUE,
      org text NOT NULL,
      change jsonb NOT NULL,
      logged_at timestamptz NOT NULL
    );
    CREATE INDEX IF NOT EXISTS sla_change_log_by_time ON sla_change_log (logged_at);`,
  },
];
const PURGE_EVERY_MS = 60 * 60_000;

/**
 * Every deadline-state change the live stream announced, kept in the read-model database so a
 * client that reconnects (to any API process, after a restart too) gets what it missed. Ids are
 * taken under a lock, so they commit in order and a reader never skips one that commits late.
 * It holds ids, org and times only, like the change itself.
 */
export class SlaChangeLog {
  private lastPurgeAt = 0;
  private readonly keepMs: number;
  private migrated: Promise<unknown> | null = null;

  constructor(private readonly db: SqlClient, options: SlaChangeLogOptions = {}) {
    this.keepMs = options.keepMs ?? 48 * 3_600_000;
  }

  /** Its table exists from the first use on (a failed attempt is tried again at the next). */
  private ready(): Promise<unknown> {
    this.migrated ??= migrate(this.db, MIGRATIONS).catch((error: unknown) => {
      this.migrated = null;
      throw error;
    });
    return this.migrated;
  }

  /**
   * Logs `change` once per `dedupeKey` (a retried announcement keeps its first id) and answers its id.
   */
  async append(change: SlaChange, dedupeKey: string, now: Date): Promise<string> {
    await this.ready();
    // One statement, its own transaction: the lock is taken before the row draws its id (the
    // inserted row is made from the locked one) and held to the commit.
    const inserted = await this.db.query<{ id: string }>(
      `WITH locked AS (SELECT pg_advisory_xact_lock(hashtext('sla_change_log')))
       INSERT INTO sla_change_log (dedupe_key, org, change, logged_at) SELECT $1::text, $2::text, $3::jsonb, $4::timestamptz FROM locked
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id::text AS id`,
      [dedupeKey, change.org, JSON.stringify(change), now.toISOString()],
    );
    const id = inserted.rows[0]?.id ?? (await this.find(dedupeKey))?.id;
    if (id === undefined) throw new Error('A change logged under its key was not found');
    if (now.getTime() - this.lastPurgeAt >= PURGE_EVERY_MS) await this.purge(now);
    return id;
  }

  /** The changes after `id` of these orgs (`all`: every org), oldest first, at most `limit`. */
  async after(id: bigint, orgs: readonly string[] | 'all', limit = 500): Promise<LoggedSlaChange[]> {
    await this.ready();
    const scoped = orgs === 'all' ? '' : 'AND org = ANY($3::text[])';
    const { rows } = await this.db.query<{ id: string; change: SlaChange | string }>(
      `SELECT id::text AS id, change FROM sla_change_log WHERE id > $1 ${scoped} ORDER BY sla_change_log.id LIMIT $2`,
      orgs === 'all' ? [id.toString(), limit] : [id.toString(), limit, [...orgs]],
    );
    return rows.map(toLogged);
  }

  /** The change logged under `dedupeKey`, if one was. */
  async find(dedupeKey: string): Promise<LoggedSlaChange | null> {
    await this.ready();
    const { rows } = await this.db.query<{ id: string; change: SlaChange | string }>(
      'SELECT id::text AS id, change FROM sla_change_log WHERE dedupe_key = $1',
      [dedupeKey],
    );
    return rows[0] ? toLogged(rows[0]) : null;
  }

  /** The id of the latest change (0 when there is none): the changes after it are still to come. */
  async head(): Promise<bigint> {
    await this.ready();
    const { rows } = await this.db.query<{ id: string | null }>('SELECT max(id)::text AS id FROM sla_change_log');
    return BigInt(rows[0]?.id ?? 0);
  }

  /** Drops what is older than the replay window. */
  async purge(now: Date): Promise<number> {
    await this.ready();
    this.lastPurgeAt = now.getTime();
    const { rowCount } = await this.db.query('DELETE FROM sla_change_log WHERE logged_at < $1', [new Date(now.getTime() - this.keepMs).toISOString()]);
    return rowCount;
  }
}

/** jsonb may come back parsed or as text, by driver. */
function toLogged(row: { id: string; change: SlaChange | string }): LoggedSlaChange {
  return { id: row.id, change: typeof row.change === 'string' ? (JSON.parse(row.change) as SlaChange) : row.change };
}
