import { createHash } from 'node:crypto';
import { KEY_BYTES, gcmOpen, gcmSeal, packBox, unpackBox } from './aes-gcm';

export interface WrappedKey {
  masterKeyId: string;
  wrapped: Buffer;
}

/** A short public name for a master key, so each wrapped key says which master key wraps it. */
export function masterKeyId(key: Buffer): string {
  return createHash('sha256').update('referral-pii-master-key-id\0').update(key).digest('hex').slice(0, 16);
}

/**
 * The master keys (`PII_MASTER_KEY`, and during a rotation the previous ones). Per-subject keys
 * are always wrapped with the current one; the previous ones only unwrap, until every key has
 * been re-wrapped.
 */
export class MasterKeyRing {
  readonly currentId: string;
  private readonly keys = new Map<string, Buffer>();

  constructor(current: Buffer, previous: readonly Buffer[] = []) {
    for (const key of [current, ...previous]) {
      if (key.length !== KEY_BYTES) throw new Error('A master key must be 32 bytes');
      this.keys.set(masterKeyId(key), key);
    }
    this.currentId = masterKeyId(current);
  }

  wrap(subject: string, dataKey: Buffer): WrappedKey {
    return { masterKeyId: this.currentId, wrapped: packBox(gcmSeal(this.keys.get(this.currentId)!, dataKey, aadOf(subject))) };
  }

  unwrap(subject: string, key: WrappedKey): Buffer {
    const master = this.keys.get(key.masterKeyId);
    if (!master) throw new UnknownMasterKeyError(key.masterKeyId);
    return gcmOpen(master, unpackBox(key.wrapped), aadOf(subject));
  }

  isCurrent(id: string): boolean {
    return id === this.currentId;
  }
}

export class UnknownMasterKeyError extends Error {
  constructor(readonly masterKeyId: string) {
    super(`A personal-data key is wrapped by master key ${masterKeyId}, which is not configured (PII_MASTER_KEY_PREVIOUS?)`);
    this.name = 'UnknownMasterKeyError';
  }
}

const aadOf = (subject: string) => `pii-key:${subject}`;
