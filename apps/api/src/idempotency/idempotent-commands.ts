import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '@referral/platform';
import type { Logger } from 'pino';
import { ApiException } from '../http/api-exception';
import type { ErrorBody } from '../http/error-body';
import type { AnswerSealing } from './answer-seal';
import type { HeldKey, IdempotencyStore } from './idempotency-store';

export const KEY_TTL_MS = 24 * 60 * 60 * 1000;
/**
 * How long a claim holds without renewal before another request may take it over (its holder
 * died); its holder renews it every quarter of it while the command runs. Short, because a client
 * whose request died with its process waits this long. A takeover that runs the command again appends nothing
 * twice: its event ids derive from the key (command-context.ts runOptions).
 */
export const CLAIM_LEASE_MS = 20_000;
const PURGE_EVERY_MS = 10 * 60_000;
/** ReadModelFreshness's answer when a command took effect but the views lag behind. */
const SAVED_BUT_NOT_SHOWN = 'read-model-behind';

export interface IdempotencyOptions {
  /**
   * How a key pending in another process is waited for: claimed again every `everyMs`, at most
   * `times` times, then answered 409 `idempotency-key-in-progress`.
   * @defaultValue `{ everyMs: 100, times: 100 }` (10 s)
   */
  remoteWait?: { everyMs: number; times: number };
  /** @defaultValue CLAIM_LEASE_MS */
  claimLeaseMs?: number;
}

export interface Answer {
  status: number;
  body: unknown;
}

export interface IdempotentRequest {
  scope: string;
  fingerprint: string;
  /** The case an answer concerns, whose key seals it; null for none. */
  caseOf(body: unknown): string | null;
  /**
   * Runs the command; resolves with its answer or throws what the error filter will answer.
   * `commandKey` names this key's life: the same for every run of the command under it.
   */
  execute(commandKey: string): Promise<Answer>;
}

/**
 * Runs a command once per (caller, key): the first request claims the key in the store, later
 * ones answer the first answer. Duplicates in this process wait for the first one's promise (no
 * polling); a key held by another process (the scaled shape) is looked at again for a bounded
 * time, then answered 409. A failure that may pass (a 5xx, a 429) is not remembered: the key is freed.
 */
export class IdempotentCommands {
  private readonly flights = new Map<string, Promise<void>>();
  private lastPurge = Number.NEGATIVE_INFINITY;
  private readonly remoteWait: { everyMs: number; times: number };
  private readonly claimLeaseMs: number;

  constructor(
    private readonly store: IdempotencyStore,
    private readonly seal: AnswerSealing,
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: IdempotencyOptions = {},
  ) {
    this.remoteWait = options.remoteWait ?? { everyMs: 100, times: 100 };
    this.claimLeaseMs = options.claimLeaseMs ?? CLAIM_LEASE_MS;
  }

  async run(request: IdempotentRequest): Promise<Answer & { replayed: boolean }> {
    // Duplicates in this process queue behind the one in flight, then look at what it left.
    for (let flight = this.flights.get(request.scope); flight; flight = this.flights.get(request.scope)) await flight;
    let land!: () => void;
    this.flights.set(request.scope, new Promise<void>((resolve) => (land = resolve)));
    try {
      return await this.fly(request);
    } finally {
      this.flights.delete(request.scope);
      land();
    }
  }

  /**
   * Claims the key, or answers from the one who holds it. A key pending in another process is
   * claimed again every so often: it is answered meanwhile, freed (a 5xx), or its holder died
   * and its lease ran out, and this request takes it over.
   */
  private async fly(request: IdempotentRequest): Promise<Answer & { replayed: boolean }> {
    for (let look = 1; ; look += 1) {
      const now = this.clock.now();
      this.purgeNowAndThen(now);
      const claim = randomUUID();
      const outcome = await this.store.claim({
        scope: request.scope, fingerprint: request.fingerprint, claim, now, ttlMs: KEY_TTL_MS, leaseMs: this.claimLeaseMs,
      });
      if (outcome.kind === 'claimed') return { ...(await this.first(request, claim, `${request.scope}@${outcome.since}`)), replayed: false };
      const held = outcome.key;
      if (held.fingerprint !== request.fingerprint) {
        throw new ApiException(422, 'idempotency-key-reused', 'This Idempotency-Key was used for another request; use a new key for a new request');
      }
      if (held.state === 'done') return { ...(await this.replay(held)), replayed: true };
      if (look >= this.remoteWait.times) {
        throw new ApiException(409, 'idempotency-key-in-progress', 'A request with this Idempotency-Key is still being handled; try again in a moment');
      }
      await delay(this.remoteWait.everyMs);
    }
  }

  private async first(request: IdempotentRequest, claim: string, commandKey: string): Promise<Answer> {
    let answer: Answer;
    // The claim is renewed while the command runs, so only a holder that died loses it: one that
    // is merely slow (its store restarting, its views behind) keeps it and its answer is the one kept.
    const renewal = setInterval(() => {
      const until = new Date(this.clock.now().getTime() + this.claimLeaseMs);
      this.store.renew(request.scope, claim, until).catch((failure: unknown) => this.warn(failure, 'claim could not be renewed'));
    }, this.claimLeaseMs / 4);
    try {
      answer = await request.execute(commandKey);
    } catch (error) {
      clearInterval(renewal);
      const refusal = rememberedRefusal(error);
      if (refusal) await this.keep(request, claim, refusal, null);
      else await this.store.release(request.scope, claim).catch((failure: unknown) => this.warn(failure, 'could not be released'));
      throw error;
    }
    clearInterval(renewal);
    await this.keep(request, claim, answer, request.caseOf(answer.body));
    return answer;
  }

  private async keep(request: IdempotentRequest, claim: string, answer: Answer, caseId: string | null): Promise<void> {
    try {
      const sealed = await this.seal.seal(caseId, answer.body);
      const kept = await this.store.complete(request.scope, claim, { status: answer.status, answer: sealed });
      if (!kept) this.logger.warn('an idempotent command outlived its claim; its answer was not kept');
    } catch (failure) {
      // The command took effect: it is answered; a retry waits for the claim's lease to end.
      this.warn(failure, 'answer could not be kept');
    }
  }

  private async replay(held: Extract<HeldKey, { state: 'done' }>): Promise<Answer> {
    const opened = await this.seal.open(held.answer);
    if (opened === 'erased') {
      throw new ApiException(409, 'personal-data-erased',
        "The first answer to this Idempotency-Key showed personal data that has been erased since; the command took effect once and is not run again");
    }
    if (held.status >= 400) {
      const body = opened.body as ErrorBody;
      throw new ApiException(held.status, body.error, body.message, body.details);
    }
    return { status: held.status, body: opened.body };
  }

  private purgeNowAndThen(now: Date): void {
    if (now.getTime() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now.getTime();
    this.store.purgeExpired(now).catch((failure: unknown) => this.warn(failure, 'expired keys could not be purged'));
  }

  private warn(failure: unknown, what: string): void {
    this.logger.warn({ err: failure instanceof Error ? failure.message : 'unknown' }, `idempotency key: ${what}`);
  }
}

/**
 * The errors worth remembering: the contract's 4xx, which the same request would meet again, and
 * a 503 that says the change was saved all the same (the views were slow to show it): running
 * the command again would apply it twice. Not any other 5xx, a 429, or a 409 that says "someone
 * else changed it at the same moment" (a ConcurrentUpdateError, not an ApiException): trying
 * again may well succeed.
 */
function rememberedRefusal(error: unknown): Answer | null {
  if (!(error instanceof ApiException)) return null;
  const status = error.getStatus();
  const body = error.getResponse() as ErrorBody;
  const saved = status === 503 && body.error === SAVED_BUT_NOT_SHOWN;
  if (!saved && (status < 400 || status >= 500 || status === 429)) return null;
  return { status, body };
}
