import { createHmac } from 'node:crypto';
import { canonicalJson } from '../intake/handover-fingerprint';

export interface KeyOwner {
  sub: string;
  org: string;
}

/**
 * Keyed hashes (HMAC-SHA-256 under a secret from the key table) of what the idempotency table
 * must recognise but not hold: the caller with their key, and the request. Keyed, because a key
 * or a body may be guessable (a body holds names and numbers), and a plain hash can be confirmed
 * by guessing. Each part is length-prefixed, so no two different inputs run together the same way.
 */
export class IdempotencyHashes {
  constructor(private readonly secret: Buffer) {}

  /**
   * The caller's key: the same key from another caller (or another org) is another scope. A route
   * without sign-in (the survey) has no caller: its path, which holds the capability (the survey
   * token), stands for one, so two people who happen to pick the same key never meet.
   */
  scopeOf(owner: KeyOwner | null, key: string, path: string): string {
    return owner ? this.hmac('scope', owner.org, owner.sub, key) : this.hmac('anonymous-scope', path, key);
  }

  /** The request the key was first used for: method, path with query, and the body's canonical JSON. */
  fingerprintOf(method: string, url: string, body: unknown): string {
    return this.hmac('request', method, url, canonicalJson(body ?? null));
  }

  private hmac(...parts: string[]): string {
    const mac = createHmac('sha256', this.secret);
    for (const part of parts) mac.update(`${Buffer.byteLength(part)}:${part};`);
    return mac.digest('base64url');
  }
}
