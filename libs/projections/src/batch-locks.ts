import type { SqlExecutor } from '@referral/sql';
import { CHECKPOINT_CHANNEL } from './checkpoint-notices';
import { CheckpointMovedError, GenerationGoneError, GenerationSwappedError } from './errors';
import { readActiveGeneration } from './generation-rows';
import type { Lease } from './leases/lease';
import { fenceTransaction, leaseIsCurrent, leaseParams, quietTransactionMs } from './leases/postgres-lease-store';
import { positionFromRow, positionParam, type Position } from './positions';

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

/**
 * Opens a batch and moves its checkpoint in one statement, before its handlers write (see
 * moveCheckpoint's `opensBatch`). The handlers' writes and the move commit together or not at
 * all; the notice goes out at commit. When no row moves, lockBatch names why.
 */
export async function claimBatch(tx: SqlExecutor, target: BatchLockTarget, expected: Position, to: bigint): Promise<void> {
  const { name, generation, lease, followsActive } = target;
  if (await moveCheckpoint(tx, { name, generation, ...(lease ? { lease } : {}) }, expected, to, { followsActive })) return;
  await lockBatch(tx, target, expected);
  throw new CheckpointMovedError(name, expected, null);
}

/**
 * Moves the checkpoint from `expected` to `to` when it is still at `expected` (and, given a
 * `lease`, while that lease is current); answers whether it moved. The notice goes out at commit,
 * and only if it commits (checkpoint-notices.ts). `opensBatch` (a batch whose handlers write next,
 * in the same transaction): the registry row is share-locked (a swap waits for the batch) and, in
 * `followsActive`, must still name this generation; the lease row is share-locked (a takeover
 * waits), and the transaction ends if its client goes quiet in it (quietTransactionMs).
 */
export async function moveCheckpoint(
  db: SqlExecutor,
  target: { name: string; generation: number; lease?: Lease },
  expected: Position,
  to: bigint,
  opensBatch?: { followsActive: boolean },
): Promise<boolean> {
  const { name, generation, lease } = target;
  const params: unknown[] = [name, generation, positionParam(to), positionParam(expected)];
  const shareLock = opensBatch ? 'FOR SHARE' : '';
  const registry = opensBatch
    ? `AND EXISTS (SELECT 1 FROM projection_registry r WHERE r.projection = $1 ${opensBatch.followsActive ? 'AND r.active_generation = $2' : ''} FOR SHARE)`
    : '';
  let leaseHeld = '';
  let quiet = '';
  if (lease) {
    params.push(...leaseParams(lease));
    leaseHeld = `AND EXISTS (SELECT 1 FROM component_leases l WHERE ${leaseIsCurrent('l', 5)} ${shareLock})`;
    if (opensBatch) {
      params.push(String(quietTransactionMs(lease)));
      quiet = ", set_config('idle_in_transaction_session_timeout', $8, true) AS quiet";
    }
  }
  const moved = await db.query(
    `UPDATE projection_checkpoints c SET position = $3, updated_at = now()
      WHERE c.projection = $1 AND c.generation = $2 AND c.position IS NOT DISTINCT FROM $4::bigint ${registry} ${leaseHeld}
      RETURNING pg_notify('${CHECKPOINT_CHANNEL}', c.projection)${quiet}`,
    params,
  );
  return moved.rowCount === 1;
}

/** The slow path, only on failure: the same checks in the original order, each with its error. */
async function explainMissingRow(tx: SqlExecutor, target: BatchLockTarget): Promise<never> {
  const { name, generation } = target;
  if (target.lease) await fenceTransaction(tx, target.lease);
  const active = await readActiveGeneration(tx, name);
  if (target.followsActive && active?.generation !== generation) throw new GenerationSwappedError(name, generation, active?.generation ?? null);
  throw new GenerationGoneError(name, generation);
}
