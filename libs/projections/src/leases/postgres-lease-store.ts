import type { SqlClient, SqlExecutor } from '@referral/sql';
import { migrateProjectionSchema } from '../schema';
import { LeaseLostError, type Lease, type LeaseStore } from './lease';

const EXPIRY = `now() + $3::integer * interval '1 millisecond'`;

/**
 * Leases in `component_leases` of the read-model database. Expiry is the database's `now()`
 * alone, so the holders' clocks never meet. Taking a lease over bumps its token, and every write
 * under a lease names the token it was taken with (see `assertLeaseHeld`).
 */
export class PostgresLeaseStore implements LeaseStore {
  private constructor(private readonly db: SqlClient) {}

  /** Runs the projections' (idempotent) migrations, this table's among them. */
  static async open(db: SqlClient): Promise<PostgresLeaseStore> {
    await migrateProjectionSchema(db);
    return new PostgresLeaseStore(db);
  }

  async acquire(name: string, holder: string, ttlMs: number): Promise<Lease | null> {
    // A holder may take its own lease back at once (the embedded shape's one process restarting).
    const { rows } = await this.db.query<{ token: unknown }>(
      `INSERT INTO component_leases AS l (name, holder, token, expires_at) VALUES ($1, $2, 1, ${EXPIRY})
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, token = l.token + 1, expires_at = excluded.expires_at
        WHERE l.expires_at <= now() OR l.holder = excluded.holder
       RETURNING token::text AS token`,
      [name, holder, ttlMs],
    );
    return rows[0] ? { name, holder, token: BigInt(String(rows[0].token)), ttlMs } : null;
  }

  async renew(lease: Lease, ttlMs: number): Promise<boolean> {
    const { rows } = await this.db.query(
      `UPDATE component_leases SET expires_at = ${EXPIRY}
        WHERE name = $1 AND holder = $2 AND token = $4 AND expires_at > now() RETURNING name`,
      [lease.name, lease.holder, ttlMs, lease.token.toString()],
    );
    return rows.length === 1;
  }

  async release(lease: Lease): Promise<void> {
    await this.db.query(`UPDATE component_leases SET expires_at = now() WHERE name = $1 AND holder = $2 AND token = $3`, [
      lease.name,
      lease.holder,
      lease.token.toString(),
    ]);
  }
}

/**
 * The fence of a transaction that writes under `lease`. Besides the check, the server ends the
 * transaction (and its share lock) if its client goes quiet in it for a third of the TTL: a
 * holder cut off mid-batch would otherwise hold every takeover back until its connection dies.
 */
export async function fenceTransaction(tx: SqlExecutor, lease: Lease): Promise<void> {
  await tx.query(`SET LOCAL idle_in_transaction_session_timeout = ${quietTransactionMs(lease)}`);
  await assertLeaseHeld(tx, lease);
}

/**
 * The SQL condition that a lease row (`alias`, '' for none) is `lease` and still current: its
 * name, holder and token at parameters `$first`, `$first+1`, `$first+2` (see leaseParams).
 */
export function leaseIsCurrent(alias: string, first: number): string {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  return `${column('name')} = $${first} AND ${column('holder')} = $${first + 1} AND ${column('token')} = $${first + 2} AND ${column('expires_at')} > now()`;
}

/** The parameters leaseIsCurrent names, in its order. */
export function leaseParams(lease: Lease): string[] {
  return [lease.name, lease.holder, lease.token.toString()];
}

/** How long a transaction under `lease` may sit idle before the server ends it. */
export function quietTransactionMs(lease: Lease): number {
  return Math.max(1000, Math.floor(lease.ttlMs / 3));
}

/**
 * The fence: throws LeaseLostError unless `lease` is still the current, unexpired one. Inside a
 * transaction its share lock makes a takeover (an UPDATE of the row) wait until that transaction
 * ends, so a batch that passed the check commits before the next holder reads where it stands.
 */
export async function assertLeaseHeld(db: SqlExecutor, lease: Lease): Promise<void> {
  const { rows } = await db.query(
    `SELECT name FROM component_leases WHERE ${leaseIsCurrent('', 1)} FOR SHARE`,
    leaseParams(lease),
  );
  if (rows.length !== 1) throw new LeaseLostError(lease.name, lease.token);
}
