import { assertLeaseHeld, leaseIsCurrent, leaseParams, type Lease } from '@referral/projections';
import type { SqlClient } from '@referral/sql';

/**
 * A reaction's position in `reaction_checkpoints`. It only moves forward: a second worker on the
 * same reaction (or a slow one that resumes) cannot move it back over the other's progress.
 */
export class ReactionCheckpoint {
  constructor(
    private readonly db: SqlClient,
    private readonly name: string,
  ) {}

  /** Makes sure the row exists (at `start` on a first run) and answers where it stands. */
  async load(start: bigint | null): Promise<bigint | null> {
    await this.db.query(`CREATE TABLE IF NOT EXISTS reaction_checkpoints (name text PRIMARY KEY, position bigint NULL)`);
    await this.db.query(`INSERT INTO reaction_checkpoints (name, position) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      this.name,
      start === null ? null : start.toString(),
    ]);
    return this.read();
  }

  async read(): Promise<bigint | null> {
    const { rows } = await this.db.query<{ position: string | null }>(
      `SELECT position::text AS position FROM reaction_checkpoints WHERE name = $1`,
      [this.name],
    );
    const position = rows[0]?.position;
    return position === null || position === undefined ? null : BigInt(position);
  }

  /**
   * Under a `lease`, saves only while it is still the current one (LeaseLostError otherwise), in
   * one statement: its share lock on the lease row makes a takeover wait until the save is in.
   */
  async save(position: bigint, lease?: Lease): Promise<void> {
    const params = [this.name, position.toString(), ...(lease ? leaseParams(lease) : [])];
    const fence = lease ? `AND EXISTS (SELECT 1 FROM component_leases WHERE ${leaseIsCurrent('', 3)} FOR SHARE)` : '';
    const { rowCount } = await this.db.query(
      `UPDATE reaction_checkpoints SET position = $2 WHERE name = $1 AND (position IS NULL OR position < $2) ${fence}`,
      params,
    );
    // Nothing moved: the checkpoint was already there (another holder's progress), or the lease is gone.
    if (rowCount === 0 && lease) await assertLeaseHeld(this.db, lease);
  }
}
