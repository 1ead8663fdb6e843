import type { EventStore, RecordedEvent } from '@referral/event-store';
import { findHeadPosition } from '@referral/projections';
import type { SqlClient } from '@referral/sql';

export interface Reaction {
  readonly name: string;
  /** A reaction that only tells about what happens from now on starts at the head on its first run. */
  readonly startAtHead?: boolean;
  /**
   * The event types it reacts to, when it knows them: the others pass without a call, and their
   * checkpoint is saved only now and then (they may pass again after a crash, harmlessly).
   */
  readonly handles?: ReadonlySet<string>;
  /** Runs for each event in global order; must be idempotent (it may run again after a crash). */
  react(event: RecordedEvent): Promise<void>;
}

/** How many passed-over events may go by before their checkpoint is saved anyway. */
const SKIPPED_BEFORE_SAVE = 256;

/** Errors are reported, never swallowed; the reactor retries the same event with backoff. */
export interface ReactorLogger {
  error(message: string, fields: Record<string, unknown>): void;
}

const MAX_BACKOFF_MS = 5000;

/**
 * Follows the store from a checkpoint and runs a reaction per event: at least once, in order.
 * Unlike a projection it cannot commit its effect with its checkpoint (the effect is an append to
 * the store, which on PGlite shares the one connection), so the reaction must be idempotent.
 */
export class Reactor {
  private controller: AbortController | null = null;
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly db: SqlClient,
    private readonly reaction: Reaction,
    private readonly logger: ReactorLogger,
  ) {}

  async start(): Promise<void> {
    await this.db.query(
      `CREATE TABLE IF NOT EXISTS reaction_checkpoints (name text PRIMARY KEY, position bigint NULL)`,
    );
    const start = this.reaction.startAtHead ? await findHeadPosition(this.store) : null;
    await this.db.query(`INSERT INTO reaction_checkpoints (name, position) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      this.reaction.name,
      start === null ? null : start.toString(),
    ]);
    this.controller = new AbortController();
    this.done = this.run(this.controller.signal);
  }

  async stop(): Promise<void> {
    this.controller?.abort();
    await this.done;
  }

  private async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        let skipped = 0;
        for await (const event of this.store.subscribe({ after: await this.checkpoint(), signal })) {
          const { handles } = this.reaction;
          if (handles && !handles.has(event.type) && ++skipped < SKIPPED_BEFORE_SAVE) continue;
          if (!handles || handles.has(event.type)) await this.reaction.react(event);
          await this.saveCheckpoint(event.position);
          skipped = 0;
          failures = 0;
        }
      } catch (error) {
        if (signal.aborted) return;
        failures += 1;
        this.logger.error('Reaction failed; retrying', {
          reaction: this.reaction.name,
          attempt: failures,
          error: error instanceof Error ? error.name : 'unknown',
        });
        await sleep(Math.min(MAX_BACKOFF_MS, 50 * 2 ** failures), signal);
      }
    }
  }

  private async saveCheckpoint(position: bigint): Promise<void> {
    await this.db.query(`UPDATE reaction_checkpoints SET position = $2 WHERE name = $1`, [this.reaction.name, position.toString()]);
  }

  private async checkpoint(): Promise<bigint | null> {
    const { rows } = await this.db.query<{ position: string | null }>(
      `SELECT position::text AS position FROM reaction_checkpoints WHERE name = $1`,
      [this.reaction.name],
    );
    const position = rows[0]?.position;
    return position === null || position === undefined ? null : BigInt(position);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
