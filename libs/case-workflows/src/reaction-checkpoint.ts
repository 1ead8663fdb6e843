import { fenceTransaction, type Lease } from '@referral/projections';
import type { SqlClient, SqlExecutor } from '@referral/sql';

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

  /** Under a `lease`, saves only while it is still the current one (LeaseLostError otherwise). */
  async save(position: bigint, lease?: Lease): Promise<void> {
    const write = (db: SqlExecutor) =>
      db.query(`UPDATE reaction_checkpoints SET position = $2 WHERE name = $1 AND (position IS NULL OR position < $2)`, [
        this.name,
        position.toString(),
      ]);
    if (!lease) {
      await write(this.db);
      return;
    }
    await this.db.transaction(async (tx) => {
      await fenceTransaction(tx, lease);
      await write(tx);
    });
  }
}
