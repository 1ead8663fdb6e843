import { Inject, Injectable } from '@nestjs/common';
import { LocalProjections, READ_MODEL_DB } from '@referral/platform';
import type { SqlClient } from '@referral/sql';
import { ApiException } from '../http/api-exception';
import { CheckpointWakeups } from './checkpoint-wakeups';

const DEFAULT_TIMEOUT_MS = 5000;
/** Without notices (or when one is lost), how often the checkpoint is looked at again. */
const POLL_MS = 20;
const POLL_WITH_NOTICES_MS = 250;

/**
 * Read-your-writes: after a command the API answers only once the read model the caller will look
 * at has applied the write (bounded wait). In one process it waits on the runner itself; with the
 * worker elsewhere it reads the active generation's checkpoint, again each time the worker's
 * batch commit notifies (CheckpointWakeups), and every 250 ms in case a notice was lost.
 */
@Injectable()
export class ReadModelFreshness {
  constructor(
    private readonly local: LocalProjections,
    @Inject(READ_MODEL_DB) private readonly db: SqlClient,
    private readonly wakeups: CheckpointWakeups,
  ) {}

  async waitFor(projection: string | readonly string[], position: bigint | null, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    if (position === null) return;
    if (typeof projection !== 'string') {
      await Promise.all(projection.map((name) => this.waitFor(name, position, timeoutMs)));
      return;
    }
    const runner = this.local.get(projection);
    try {
      if (runner) await runner.waitForPosition(position, timeoutMs);
      else await this.pollCheckpoint(projection, position, timeoutMs);
    } catch {
      throw new ApiException(
        503,
        'read-model-behind',
        'The change is saved, but the views have not caught up yet; reload in a moment',
      );
    }
  }

  private async pollCheckpoint(projection: string, position: bigint, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const fallbackMs = this.wakeups.available ? POLL_WITH_NOTICES_MS : POLL_MS;
    for (;;) {
      const woken = this.wakeups.next(projection, Math.max(1, Math.min(fallbackMs, deadline - Date.now())));
      const { rows } = await this.db.query<{ position: string | null }>(
        `SELECT c.position::text AS position FROM projection_checkpoints c
           JOIN projection_registry r ON r.projection = c.projection AND r.active_generation = c.generation
          WHERE c.projection = $1`,
        [projection],
      );
      const reached = rows[0]?.position;
      if (reached !== undefined && reached !== null && BigInt(reached) >= position) return;
      if (Date.now() >= deadline) throw new Error('timeout');
      await woken;
    }
  }
}
