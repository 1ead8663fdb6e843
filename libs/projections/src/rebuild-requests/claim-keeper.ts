import { errorFields } from '@referral/resilience';
import { KeptAlive } from '../kept-alive';
import type { ProjectionLogger } from '../projection';
import type { RebuildClaim } from './rebuild-request';
import type { RebuildRequestStore } from './rebuild-request-store';
import type { RebuildProgressView } from './rebuild-state';

/** The claim went to another worker (or could not be renewed for as long as others wait). */
export class RebuildClaimLostError extends Error {
  constructor(readonly projection: string, readonly attempt: number) {
    super(`The rebuild claim of ${projection} (attempt ${attempt}) was lost`);
    this.name = 'RebuildClaimLostError';
  }
}

/**
 * Keeps one claim alive: writes heartbeats and the latest progress one at a time (a beat that
 * comes while one is written folds into the next), and aborts `lost` when the store says the claim
 * is gone, or when no beat got through for `staleAfterMs`, after which another worker may take it.
 */
export class ClaimKeeper {
  readonly lost = new AbortController();
  private latest: RebuildProgressView | undefined;
  private writing: Promise<void> | null = null;
  private again = false;
  private readonly alive: KeptAlive;

  constructor(
    private readonly requests: RebuildRequestStore,
    private readonly claim: RebuildClaim,
    staleAfterMs: number,
    private readonly now: () => number,
    private readonly logger: ProjectionLogger,
  ) {
    this.alive = new KeptAlive(staleAfterMs, now());
  }

  /** The latest progress, for the next write. */
  get progress(): RebuildProgressView | null {
    return this.latest ?? null;
  }

  report(progress: RebuildProgressView): void {
    this.latest = progress;
    this.beat();
  }

  beat(): void {
    if (this.lost.signal.aborted) return;
    if (this.writing) {
      this.again = true;
      return;
    }
    this.writing = this.writeUntilQuiet().finally(() => (this.writing = null));
  }

  /** Resolves once no write is in flight. */
  async settled(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async writeUntilQuiet(): Promise<void> {
    do {
      this.again = false;
      const sentAt = this.now();
      try {
        if (!(await this.requests.heartbeat(this.claim, this.latest))) return this.lose();
        this.alive.kept(sentAt);
      } catch (error) {
        const now = this.now();
        this.logger.warn('Projection rebuild heartbeat failed', { projection: this.claim.projection, silentMs: this.alive.silentMs(now), error: errorFields(error) });
        if (this.alive.outlived(now)) return this.lose();
      }
    } while (this.again && !this.lost.signal.aborted);
  }

  private lose(): void {
    this.lost.abort(new RebuildClaimLostError(this.claim.projection, this.claim.attempt));
  }
}
