import type { RecordedEvent } from '@referral/event-store';
import type { SqlClient } from '@referral/sql';
import { claimBatch, moveCheckpoint } from './batch-locks';
import { GenerationGoneError, ProjectionHandlerError } from './errors';
import type { Lease } from './leases/lease';
import { positionFromRow, type Position } from './positions';
import type { ProjectionDefinition, TableNames } from './projection';

export interface BatchTarget {
  projection: ProjectionDefinition;
  generation: number;
  tables: TableNames;
  /** A live runner gives up its generation once another one is active. */
  followsActive: boolean;
  /** The lease this runner writes under: a batch commits only while it is still the current one. */
  lease?: Lease;
}

/**
 * Applies a batch and moves the checkpoint in one transaction: all of it takes effect, or none.
 * The checkpoint moves first, by a guarded UPDATE that locks the lease, registry and checkpoint
 * rows and compares the checkpoint with where this runner left it (claimBatch), so a runner that
 * lost a race or its lease stops before its handlers write anything. Returns the new checkpoint.
 */
export async function applyBatch(
  db: SqlClient,
  target: BatchTarget,
  expected: Position,
  events: readonly RecordedEvent[],
): Promise<bigint> {
  const { projection, generation, tables } = target;
  const name = projection.name;
  const last = events[events.length - 1];
  if (!last) throw new Error('applyBatch needs at least one event');
  if (projection.prepare) {
    try {
      await projection.prepare(events);
    } catch (error) {
      throw error instanceof ProjectionHandlerError ? error : new ProjectionHandlerError(name, events[0]!, error);
    }
  }
  return db.transaction(async (tx) => {
    const lock = { name, generation, followsActive: target.followsActive, ...(target.lease ? { lease: target.lease } : {}) };
    await claimBatch(tx, lock, expected, last.position);

    if (projection.handleBatch) {
      try {
        await projection.handleBatch(events, tx, tables);
      } catch (error) {
        // A batch handler cannot say which event failed: the error names the batch's first one.
        throw error instanceof ProjectionHandlerError ? error : new ProjectionHandlerError(name, events[0]!, error);
      }
    } else {
      for (const event of events) {
        try {
          await projection.handle(event, tx, tables);
        } catch (error) {
          throw new ProjectionHandlerError(name, event, error);
        }
      }
    }
    return last.position;
  });
}

/**
 * Moves the checkpoint past a batch the projection writes nothing for, in one statement under the
 * same guards as applyBatch (lease current, checkpoint where this runner left it). When a guard
 * fails, the batch goes through applyBatch, whose checks name what failed.
 */
export async function skipBatch(db: SqlClient, target: BatchTarget, expected: Position, events: readonly RecordedEvent[]): Promise<bigint> {
  const last = events[events.length - 1];
  if (!last) throw new Error('skipBatch needs at least one event');
  const { projection, generation, lease } = target;
  if (await moveCheckpoint(db, { name: projection.name, generation, ...(lease ? { lease } : {}) }, expected, last.position)) return last.position;
  return applyBatch(db, target, expected, events);
}

/** Whether the projection writes anything for one of the batch's events (see ProjectionDefinition.handles). */
export function concerns(projection: ProjectionDefinition, events: readonly RecordedEvent[]): boolean {
  const { handles } = projection;
  return !handles || events.some((event) => handles.has(event.type));
}

export async function readCheckpoint(db: SqlClient, projection: string, generation: number): Promise<Position> {
  const { rows } = await db.query<{ position: unknown }>(
    'SELECT position FROM projection_checkpoints WHERE projection = $1 AND generation = $2',
    [projection, generation],
  );
  if (!rows[0]) throw new GenerationGoneError(projection, generation);
  return positionFromRow(rows[0].position);
}
