import type { EventStore, RecordedEvent } from '@referral/event-store';
import { LeaseLostError, assertLeaseHeld, eventBatches, type Lease } from '@referral/projections';
import { FailureStreak, errorFields, retryForever, type BackoffOptions, type FailureState, type RetryFailure } from '@referral/resilience';
import type { SqlClient } from '@referral/sql';
import { ReactionCheckpoint } from './reaction-checkpoint';

export interface Reaction {
  readonly name: string;
  /** A reaction that only tells about what happens from now on starts at the head on its first run. */
  readonly startAtHead?: boolean;
  /**
   * The event types it reacts to, when it knows them: the others pass without a call. The
   * checkpoint is saved once per batch that reacts (after a crash the batch may pass again, harmlessly).
   */
  readonly handles?: ReadonlySet<string>;
  /** Runs for each event in global order; must be idempotent (it may run again after a crash). */
  react(event: RecordedEvent): Promise<void>;
}

/** Errors are reported, never swallowed; the reactor retries with backoff, forever. */
export interface ReactorLogger {
  error(message: string, fields: Record<string, unknown>): void;
}

export interface ReactorOptions {
  /** @defaultValue \{ initialMs: 100, maxMs: 5000 \} */
  backoff?: BackoffOptions;
  /** Most events read per checkpoint write. @defaultValue 500 */
  batchSize?: number;
  now?: () => Date;
}

/**
 * A batch with nothing to react to moves the checkpoint in memory; the database hears of it this
 * long after (or with the next batch that reacts, or at stop). After a crash the passed-over
 * events are read again and passed over again: the cost of not writing once per batch.
 */
export const PASSED_OVER_SAVE_MS = 250;

export type ReactorState = 'starting' | 'running' | 'retrying' | 'stopped';

export interface ReactorStatus extends FailureState {
  reaction: string;
  state: ReactorState;
  /**
   * The last position this reactor is done with: saved as its checkpoint with the batch that
   * reacted to something, and within PASSED_OVER_SAVE_MS after batches it passed over entirely.
   */
  position: bigint | null;
}

/**
 * Follows the store from a checkpoint and runs a reaction per event: at least once, in order.
 * Unlike a projection it cannot commit its effect with its checkpoint (the effect is an append to
 * the store, which on PGlite shares the one connection), so the reaction must be idempotent.
 */
export class Reactor {
  private controller: AbortController | null = null;
  private done: Promise<void> = Promise.resolve();
  private readonly checkpoint: ReactionCheckpoint;
  private readonly streak = new FailureStreak();
  private readonly backoff: BackoffOptions;
  private readonly now: () => Date;
  private state: ReactorState = 'stopped';
  private position: bigint | null = null;
  private lease: Lease | undefined;
  /** Passed over, not yet saved (see PASSED_OVER_SAVE_MS). */
  private unsaved: { position: bigint; timer: NodeJS.Timeout } | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly db: SqlClient,
    private readonly reaction: Reaction,
    private readonly logger: ReactorLogger,
    private readonly options: ReactorOptions = {},
  ) {
    this.checkpoint = new ReactionCheckpoint(db, reaction.name);
    this.backoff = options.backoff ?? { initialMs: 100, maxMs: 5000 };
    this.now = options.now ?? (() => new Date());
  }

  get name(): string {
    return this.reaction.name;
  }

  get status(): ReactorStatus {
    const failure = this.streak.current;
    const state = this.state === 'stopped' || failure.attempt === 0 ? this.state : 'retrying';
    return { reaction: this.reaction.name, state, position: this.position, ...failure };
  }

  /**
   * Starts following in the background; resolves once the first attempt to load the checkpoint
   * has ended (so a reaction that starts at the head has fixed it), whether or not it worked.
   * Under a `lease`, it stops when it finds the lease gone (see follow()).
   */
  async start(lease?: Lease): Promise<void> {
    this.lease = lease;
    this.controller = new AbortController();
    this.state = 'starting';
    let firstAttemptEnded!: () => void;
    const firstAttempt = new Promise<void>((resolve) => (firstAttemptEnded = resolve));
    this.done = this.run(this.controller.signal, firstAttemptEnded).finally(firstAttemptEnded);
    await firstAttempt;
  }

  async stop(): Promise<void> {
    this.controller?.abort();
    await this.done;
    await this.saveUnsaved();
    this.state = 'stopped';
  }

  private async run(signal: AbortSignal, firstAttemptEnded: () => void): Promise<void> {
    const retry = { signal, backoff: this.backoff, streak: this.streak, now: this.now };
    const prepared = await retryForever(
      () => this.prepare().finally(firstAttemptEnded),
      { ...retry, onFailure: (failure) => this.report('Reaction could not load its checkpoint; retrying', failure) },
    );
    if (prepared === undefined) return;
    this.state = 'running';
    // follow() ends only when stopped or its lease is gone; each failure starts it again from the saved checkpoint.
    await retryForever(() => this.follow(signal), { ...retry, onFailure: (failure) => this.report('Reaction failed; retrying', failure) });
    this.state = 'stopped';
  }

  private async prepare(): Promise<true> {
    const start = this.reaction.startAtHead ? await this.store.headPosition() : null;
    this.position = await this.checkpoint.load(start);
    return true;
  }

  private async follow(signal: AbortSignal): Promise<void> {
    try {
      await this.followEvents(signal);
    } catch (error) {
      if (!(error instanceof LeaseLostError)) throw error;
      this.logger.error('Reaction lease is gone; it stops here', { reaction: this.reaction.name, error: errorFields(error) });
    }
  }

  private async followEvents(signal: AbortSignal): Promise<void> {
    const { handles } = this.reaction;
    const batchSize = this.options.batchSize ?? 500;
    const events = this.store.subscribe({ after: await this.checkpoint.read(), signal, batchSize });
    for await (const batch of eventBatches(events[Symbol.asyncIterator](), batchSize)) {
      // One checkpoint write per batch that reacted: a burst read in one batch costs one write, not
      // one per event. A reaction that fails saves what came before it, so a retry starts there.
      let done: bigint | null = null;
      let reacted = false;
      try {
        for (const event of batch.events) {
          if (!handles || handles.has(event.type)) {
            // The effects are idempotent appends, so a second run does no harm; this check (once a
            // batch) only narrows the window in which a holder that lost its lease would still run one.
            if (this.lease && !reacted) await assertLeaseHeld(this.db, this.lease);
            reacted = true;
            await this.reaction.react(event);
          }
          done = event.position;
        }
      } catch (error) {
        if (done !== null && !(error instanceof LeaseLostError)) await this.saved(done);
        throw error;
      }
      if (done === null) continue;
      if (reacted) await this.saved(done);
      else this.passedOver(done);
    }
  }

  private async saved(position: bigint): Promise<void> {
    await this.checkpoint.save(position, this.lease);
    this.position = position;
    if (this.unsaved && this.unsaved.position <= position) {
      clearTimeout(this.unsaved.timer);
      this.unsaved = null;
    }
    this.streak.succeeded();
  }

  private passedOver(position: bigint): void {
    this.position = position;
    this.streak.succeeded();
    if (this.unsaved) this.unsaved.position = position;
    else this.unsaved = { position, timer: setTimeout(() => void this.saveUnsaved(), PASSED_OVER_SAVE_MS) };
  }

  /** Saves what was passed over; a failure leaves it to the next save (or to a reread after a restart). */
  private async saveUnsaved(): Promise<void> {
    const unsaved = this.unsaved;
    if (!unsaved) return;
    clearTimeout(unsaved.timer);
    this.unsaved = null;
    await this.checkpoint.save(unsaved.position, this.lease).catch(() => undefined);
  }

  private report(message: string, { error, attempt, retryInMs }: RetryFailure): void {
    this.logger.error(message, { reaction: this.reaction.name, attempt, retryInMs, error: errorFields(error) });
  }
}
