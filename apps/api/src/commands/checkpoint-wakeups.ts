import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { READ_MODEL_DB } from '@referral/platform';
import { CHECKPOINT_CHANNEL } from '@referral/projections';
import type { Listening, SqlClient } from '@referral/sql';

/**
 * Wake-ups when a projection's checkpoint moved in another process: a LISTEN connection on the
 * PostgreSQL server, opened at the first wait. A notice only says "look again" (a lost one, while
 * the connection is away, costs the caller's fallback interval, never a wrong answer).
 */
@Injectable()
export class CheckpointWakeups implements OnModuleDestroy {
  private readonly waiting = new Map<string, Set<() => void>>();
  private listening: Promise<Listening> | null = null;

  constructor(@Inject(READ_MODEL_DB) private readonly db: SqlClient) {}

  /** Whether notices come at all (the PostgreSQL server; PGlite runs its projections in-process). */
  get available(): boolean {
    return typeof this.db.listen === 'function';
  }

  /** Resolves at the next notice for `projection`, or after `fallbackMs`. Call it before looking, so no notice slips between. */
  next(projection: string, fallbackMs: number): Promise<void> {
    if (this.available) this.listening ??= this.db.listen!(CHECKPOINT_CHANNEL, (payload) => this.wake(payload));
    return new Promise<void>((resolve) => {
      const waiters = this.waiting.get(projection) ?? new Set<() => void>();
      this.waiting.set(projection, waiters);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(done);
        if (waiters.size === 0 && this.waiting.get(projection) === waiters) this.waiting.delete(projection);
        resolve();
      };
      const timer = setTimeout(done, fallbackMs);
      waiters.add(done);
    });
  }

  async onModuleDestroy(): Promise<void> {
    await (await this.listening)?.close();
  }

  private wake(projection: string): void {
    for (const done of [...(this.waiting.get(projection) ?? [])]) done();
  }
}
