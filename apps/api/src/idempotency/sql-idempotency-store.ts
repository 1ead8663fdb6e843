import type { SqlExecutor } from '@referral/sql';
import type { ClaimOutcome, ClaimRequest, HeldKey, IdempotencyStore, StoredAnswer } from './idempotency-store';

interface KeyRow {
  fingerprint: string;
  state: 'pending' | 'done';
  status: number | null;
  answer: unknown;
}

/** A pending row of the same request that has not expired: its holder died or its first try failed. */
const SAME_LIFE = "k.state = 'pending' AND k.expires_at > EXCLUDED.created_at AND k.fingerprint = EXCLUDED.fingerprint";

/** A key can vanish between the claim and the look (released, expired); this many tries at most. */
const CLAIM_ATTEMPTS = 5;

/** The idempotency keys in the read-model database (PostgreSQL server or PGlite). */
export class SqlIdempotencyStore implements IdempotencyStore {
  constructor(private readonly db: SqlExecutor) {}

  async claim(request: ClaimRequest): Promise<ClaimOutcome> {
    const now = request.now.getTime();
    for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt += 1) {
      // One statement: a fresh key is inserted; an expired row, or a pending one whose holder's
      // lease ran out, is taken over; a live row is left alone (and nothing is returned). A
      // pending row taken over for the same request keeps its life (created_at, expires_at):
      // the command's event ids derive from it, so a run again after a dead holder appends once.
      const claimed = await this.db.query<{ since: Date | string }>(
        `INSERT INTO idempotency_keys AS k (scope, fingerprint, claim, state, created_at, lease_until, expires_at)
         VALUES ($1, $2, $3, 'pending', $4::timestamptz, $5::timestamptz, $6::timestamptz)
         ON CONFLICT (scope) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, claim = EXCLUDED.claim,
           state = 'pending', status = NULL, answer = NULL,
           created_at = CASE WHEN ${SAME_LIFE} THEN k.created_at ELSE EXCLUDED.created_at END,
           lease_until = EXCLUDED.lease_until,
           expires_at = CASE WHEN ${SAME_LIFE} THEN k.expires_at ELSE EXCLUDED.expires_at END
         WHERE k.expires_at <= EXCLUDED.created_at OR (k.state = 'pending' AND k.lease_until <= EXCLUDED.created_at)
         RETURNING k.created_at AS since`,
        [request.scope, request.fingerprint, request.claim, iso(now), iso(now + request.leaseMs), iso(now + request.ttlMs)],
      );
      const row = claimed.rows[0];
      if (row) return { kind: 'claimed', since: new Date(row.since).toISOString() };
      // A separate statement, so it sees the row another transaction committed meanwhile.
      const held = await this.find(request.scope, request.now);
      if (held) return { kind: 'held', key: held };
    }
    throw new Error('The idempotency key kept vanishing while it was claimed');
  }

  async find(scope: string, now: Date): Promise<HeldKey | null> {
    const { rows } = await this.db.query<KeyRow>(
      `SELECT fingerprint, state, status, answer FROM idempotency_keys
        WHERE scope = $1 AND expires_at > $2::timestamptz AND NOT (state = 'pending' AND lease_until <= $2::timestamptz)`,
      [scope, now.toISOString()],
    );
    const row = rows[0];
    if (!row) return null;
    if (row.state === 'pending') return { state: 'pending', fingerprint: row.fingerprint };
    return { state: 'done', fingerprint: row.fingerprint, status: Number(row.status), answer: row.answer };
  }

  async renew(scope: string, claim: string, leaseUntil: Date): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `UPDATE idempotency_keys SET lease_until = $3::timestamptz WHERE scope = $1 AND claim = $2 AND state = 'pending'`,
      [scope, claim, leaseUntil.toISOString()],
    );
    return rowCount === 1;
  }

  async complete(scope: string, claim: string, answer: StoredAnswer): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `UPDATE idempotency_keys SET state = 'done', status = $3, answer = $4::jsonb
        WHERE scope = $1 AND claim = $2 AND state = 'pending'`,
      [scope, claim, answer.status, JSON.stringify(answer.answer ?? null)],
    );
    return rowCount === 1;
  }

  async release(scope: string, claim: string): Promise<void> {
    // Freed, not deleted: the next try takes it over at once and keeps its life (see claim).
    await this.db.query(`UPDATE idempotency_keys SET lease_until = created_at WHERE scope = $1 AND claim = $2 AND state = 'pending'`, [scope, claim]);
  }

  async purgeExpired(now: Date): Promise<number> {
    const { rowCount } = await this.db.query(`DELETE FROM idempotency_keys WHERE expires_at <= $1::timestamptz`, [now.toISOString()]);
    return rowCount;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
