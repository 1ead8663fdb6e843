/** What a request asks for when it claims a key. Times come from the injected clock. */
export interface ClaimRequest {
  scope: string;
  fingerprint: string;
  /** A random token naming this request as the holder of the claim. */
  claim: string;
  now: Date;
  /** How long the key answers the first answer again. */
  ttlMs: number;
  /** How long a pending claim holds before another request may take it over (its holder died). */
  leaseMs: number;
}

/** The first answer as kept: its status and its body, sealed. */
export interface StoredAnswer {
  status: number;
  answer: unknown;
}

export type HeldKey =
  | { state: 'pending'; fingerprint: string }
  | ({ state: 'done'; fingerprint: string } & StoredAnswer);

/** `since`: when the key's life began (its first use within its 24 hours); a run again after a failed or dead one has the same. */
export type ClaimOutcome = { kind: 'claimed'; since: string } | { kind: 'held'; key: HeldKey };

/** The durable memory of idempotent commands. */
export interface IdempotencyStore {
  /** Claims the scope for this request (only one concurrent claim wins), or answers who holds it. */
  claim(request: ClaimRequest): Promise<ClaimOutcome>;
  /** The key as it is now, or null when it is free (never used, released, its holder's lease over, or expired). */
  find(scope: string, now: Date): Promise<HeldKey | null>;
  /** Moves a pending claim's lease on while its command runs; false when this request no longer holds it. */
  renew(scope: string, claim: string, leaseUntil: Date): Promise<boolean>;
  /** Keeps the first answer; false when this request no longer holds the claim. */
  complete(scope: string, claim: string, answer: StoredAnswer): Promise<boolean>;
  /** Frees a pending claim, so the key can be tried again at once (the first try failed with a 5xx). */
  release(scope: string, claim: string): Promise<void>;
  /** Deletes every expired row; answers how many. */
  purgeExpired(now: Date): Promise<number>;
}
