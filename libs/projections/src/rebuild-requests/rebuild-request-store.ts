import { sleep } from '@referral/resilience';
import type { SqlClient } from '@referral/sql';
import { migrateProjectionSchema } from '../schema';
import type { RebuildClaim, RebuildRequest, RebuildRequestState } from './rebuild-request';
import type { RebuildProgressView } from './rebuild-state';

export interface RebuildRequestStoreOptions {
  /** @defaultValue the system clock */
  now?: () => Date;
  /** A running request whose heartbeat is older than this may be claimed by another worker. @defaultValue 60000 */
  staleAfterMs?: number;
}

interface RequestRow {
  id: unknown;
  projection: string;
  state: RebuildRequestState;
  attempt: number;
  claimed_by: string | null;
  progress: unknown;
  error: string | null;
  error_code: string | null;
  requested_at: unknown;
  started_at: unknown;
  heartbeat_at: unknown;
  finished_at: unknown;
}

/** Wakes the workers waiting in this process on the same database when a request is written. */
const requestedHere = new WeakMap<SqlClient, Set<() => void>>();

const COLUMNS = `id, projection, state, attempt, claimed_by, progress, error, error_code, requested_at, started_at, heartbeat_at, finished_at`;
const OPEN = `state IN ('pending', 'running')`;

/**
 * Rebuild requests in the read-model database, so any API process can ask for a rebuild and
 * exactly one worker runs it. A worker claims a pending request (or a running one whose heartbeat
 * went quiet) with `FOR UPDATE SKIP LOCKED`, so two claimers never take the same row; every later
 * write names the claim's attempt and changes nothing once another worker has claimed it since.
 */
export class RebuildRequestStore {
  private constructor(
    private readonly db: SqlClient,
    private readonly now: () => Date,
    private readonly staleAfterMs: number,
  ) {}

  /** Runs the projections' (idempotent) migrations, this table's among them. */
  static async open(db: SqlClient, options: RebuildRequestStoreOptions = {}): Promise<RebuildRequestStore> {
    await migrateProjectionSchema(db);
    return new RebuildRequestStore(db, options.now ?? (() => new Date()), options.staleAfterMs ?? 60_000);
  }

  /** The projections the workers have registered (what a rebuild may be asked for). */
  async registeredProjections(): Promise<string[]> {
    const { rows } = await this.db.query<{ projection: string }>('SELECT projection FROM projection_registry ORDER BY projection');
    return rows.map((row) => row.projection);
  }

  /** Asks for a rebuild; when one is already pending or running, answers that one instead. */
  async request(projection: string): Promise<RebuildRequest> {
    for (;;) {
      const { rows } = await this.db.query<RequestRow>(
        `INSERT INTO projection_rebuild_requests (projection, state, requested_at) VALUES ($1, 'pending', $2::timestamptz)
         ON CONFLICT (projection) WHERE ${OPEN} DO NOTHING RETURNING ${COLUMNS}`,
        [projection, this.now().toISOString()],
      );
      if (rows[0]) {
        for (const wake of requestedHere.get(this.db) ?? []) wake();
        return fromRow(rows[0]);
      }
      const open = await this.db.query<RequestRow>(`SELECT ${COLUMNS} FROM projection_rebuild_requests WHERE projection = $1 AND ${OPEN}`, [projection]);
      // None: the open one ended between the two statements; ask again.
      if (open.rows[0]) return fromRow(open.rows[0]);
    }
  }

  /**
   * Waits `ms`, or less: until `signal` aborts or a request is written through any store on the
   * same client in this process (the API and the worker of `npm start`). Others are found by polling.
   */
  async waitForRequest(ms: number, signal?: AbortSignal): Promise<void> {
    const wake = new AbortController();
    const listener = () => wake.abort();
    const listeners = requestedHere.get(this.db) ?? new Set<() => void>();
    requestedHere.set(this.db, listeners);
    listeners.add(listener);
    try {
      await sleep(ms, signal ? AbortSignal.any([signal, wake.signal]) : wake.signal);
    } finally {
      listeners.delete(listener);
    }
  }

  async latest(projection: string): Promise<RebuildRequest | null> {
    const { rows } = await this.db.query<RequestRow>(
      `SELECT ${COLUMNS} FROM projection_rebuild_requests WHERE projection = $1 ORDER BY id DESC LIMIT 1`,
      [projection],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  /** The latest request of each projection that has one. */
  async latestOfEach(): Promise<RebuildRequest[]> {
    const { rows } = await this.db.query<RequestRow>(
      `SELECT DISTINCT ON (projection) ${COLUMNS} FROM projection_rebuild_requests ORDER BY projection, id DESC`,
    );
    return rows.map(fromRow);
  }

  /**
   * Takes the oldest request for one of `projections` that is pending, or running with a
   * heartbeat older than `staleAfterMs` (its worker died or was cut off); `null` when there is none
   * or another claimer holds it right now.
   */
  async claim(projections: readonly string[], worker: string): Promise<RebuildClaim | null> {
    if (projections.length === 0) return null;
    const now = this.now();
    const staleBefore = new Date(now.getTime() - this.staleAfterMs);
    const { rows } = await this.db.query<RequestRow>(
      `UPDATE projection_rebuild_requests r
          SET state = 'running', attempt = r.attempt + 1, claimed_by = $2,
              started_at = coalesce(r.started_at, $3::timestamptz), heartbeat_at = $3::timestamptz
        WHERE r.id = (SELECT id FROM projection_rebuild_requests
                       WHERE projection = ANY($1::text[])
                         AND (state = 'pending' OR (state = 'running' AND heartbeat_at < $4::timestamptz))
                       ORDER BY id LIMIT 1
                       FOR UPDATE SKIP LOCKED)
        RETURNING ${COLUMNS}`,
      [[...projections], worker, now.toISOString(), staleBefore.toISOString()],
    );
    const row = rows[0];
    if (!row) return null;
    const request = fromRow(row);
    return { id: request.id, projection: request.projection, attempt: request.attempt, takenOver: request.attempt > 1 };
  }

  /** Keeps the claim alive, with the latest progress when given. `false`: the claim is lost. */
  heartbeat(claim: RebuildClaim, progress?: RebuildProgressView): Promise<boolean> {
    return this.write(
      claim,
      progress === undefined ? 'heartbeat_at = $3::timestamptz' : 'heartbeat_at = $3::timestamptz, progress = $4::jsonb',
      progress === undefined ? [] : [JSON.stringify(progress)],
    );
  }

  finish(claim: RebuildClaim, progress: RebuildProgressView | null): Promise<boolean> {
    return this.write(
      claim,
      `state = 'finished', heartbeat_at = $3::timestamptz, finished_at = $3::timestamptz, progress = coalesce($4::jsonb, progress)`,
      [progress === null ? null : JSON.stringify(progress)],
    );
  }

  /** Records a failure by the error's name and code (never its message, which may quote data). */
  fail(claim: RebuildClaim, error: { name: string; code?: string }): Promise<boolean> {
    return this.write(
      claim,
      `state = 'failed', heartbeat_at = $3::timestamptz, finished_at = $3::timestamptz, error = $4, error_code = $5`,
      [error.name, error.code ?? null],
    );
  }

  /** Hands the request back (a worker shutting down): pending again, for any worker to resume. */
  release(claim: RebuildClaim): Promise<boolean> {
    return this.write(claim, `state = 'pending', claimed_by = NULL, heartbeat_at = $3::timestamptz`, []);
  }

  /** One fenced write: only while the row is running at the claim's attempt. */
  private async write(claim: RebuildClaim, set: string, more: unknown[]): Promise<boolean> {
    const { rows } = await this.db.query(
      `UPDATE projection_rebuild_requests SET ${set}
        WHERE id = $1 AND attempt = $2 AND state = 'running' RETURNING id`,
      [claim.id, claim.attempt, this.now().toISOString(), ...more],
    );
    return rows.length === 1;
  }
}

function fromRow(row: RequestRow): RebuildRequest {
  return {
    id: String(row.id),
    projection: row.projection,
    state: row.state,
    attempt: Number(row.attempt),
    claimedBy: row.claimed_by,
    progress: parseProgress(row.progress),
    error: row.error,
    errorCode: row.error_code,
    requestedAt: toDate(row.requested_at)!,
    startedAt: toDate(row.started_at),
    heartbeatAt: toDate(row.heartbeat_at),
    finishedAt: toDate(row.finished_at),
  };
}

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}

function parseProgress(value: unknown): RebuildProgressView | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as RebuildProgressView;
}
