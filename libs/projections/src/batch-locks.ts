import type { SqlExecutor } from '@referral/sql';
import { CheckpointMovedError, GenerationGoneError, GenerationSwappedError } from './errors';
import { readActiveGeneration } from './generation-rows';
import type { Lease } from './leases/lease';
import { fenceTransaction, leaseIsCurrent, leaseParams, quietTransactionMs } from './leases/postgres-lease-store';
import { positionFromRow, type Position } from './positions';

export interface BatchLockTarget {
  name: string;
  generation: number;
  followsActive: boolean;
  lease?: Lease;
}

/**
 * Takes a batch's locks in one statement: the lease row (share: a takeover waits for this
 * batch), the registry row (share: a swap waits for it) and the checkpoint row (update), and
 * checks that the lease is current, the generation still the one followed, and the checkpoint
 * where this runner left it. One round trip instead of four: every projection runs this for
 * every batch. When no row comes back, the checks run one by one to name what failed.
 */
export async function lockBatch(tx: SqlExecutor, target: BatchLockTarget, expected: Position): Promise<void> {
  const { name, generation, lease } = target;
  const params: unknown[] = [name, generation];
  let leaseJoin = '';
  let leaseLock = '';
  let quiet = '';
  if (lease) {
    params.push(...leaseParams(lease), String(quietTransactionMs(lease)));
    leaseJoin = `JOIN component_leases l ON ${leaseIsCurrent('l', 3)}`;
    leaseLock = ', l';
    quiet = ", set_config('idle_in_transaction_session_timeout', $6, true) AS quiet";
  }
  const { rows } = await tx.query<{ position: unknown; active_generation: number }>(
    `SELECT c.position, r.active_generation${quiet}
       FROM projection_checkpoints c
       JOIN projection_registry r ON r.projection = c.projection
       ${leaseJoin}
      WHERE c.projection = $1 AND c.generation = $2
      FOR SHARE OF r${leaseLock} FOR UPDATE OF c`,
    params,
  );
  const row = rows[0];
  if (!row) return explainMissingRow(tx, target);
  if (target.followsActive && row.active_generation !== generation) throw new GenerationSwappedError(name, generation, row.active_generation);
  const actual = positionFromRow(row.position);
  if (actual !== expected) throw new CheckpointMovedError(name, expected, actual);
}

/** The slow path, only on failure: the same checks in the original order, each with its error. */
async function explainMissingRow(tx: SqlExecutor, target: BatchLockTarget): Promise<never> {
  const { name, generation } = target;
  if (target.lease) await fenceTransaction(tx, target.lease);
  const active = await readActiveGeneration(tx, name);
  if (target.followsActive && active?.generation !== generation) throw new GenerationSwappedError(name, generation, active?.generation ?? null);
  throw new GenerationGoneError(name, generation);
}
