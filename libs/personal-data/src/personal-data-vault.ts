import { randomBytes } from 'node:crypto';
import { KEY_BYTES, gcmOpen, gcmSeal } from './aes-gcm';
import type { MasterKeyRing } from './master-key-ring';
import { isSealedValue, type SealedValue } from './sealed-value';
import type { SubjectKeyStore } from './subject-key-store';
import { SubjectKeyCache } from './subject-key-cache';

/** A seal was asked for a subject whose key was erased: their data may not come back. */
export class PersonalDataErasedError extends Error {
  constructor() {
    super('The personal data of this subject was erased; nothing personal can be stored for it again');
    this.name = 'PersonalDataErasedError';
  }
}

export interface VaultOptions {
  /**
   * How long an unwrapped key is kept in memory. Erasing in this process drops it at once; other
   * processes stop opening the subject's data at most this long after.
   * @defaultValue 5000
   */
  keyCacheMs?: number;
}

/**
 * Seals and opens personal data with one AES-256-GCM key per subject, the keys wrapped by the
 * master key ring; erasing a subject's key makes every sealed copy unreadable (crypto-shredding).
 */
export class PersonalDataVault {
  private readonly cache: SubjectKeyCache;

  constructor(
    private readonly keys: SubjectKeyStore,
    private readonly ring: MasterKeyRing,
    options: VaultOptions = {},
  ) {
    this.cache = new SubjectKeyCache(options.keyCacheMs ?? 5000);
  }

  async seal(subject: string, value: unknown): Promise<SealedValue> {
    const key = await this.keyFor(subject, 'create');
    if (key === null) throw new PersonalDataErasedError();
    const box = gcmSeal(key, Buffer.from(JSON.stringify(value), 'utf8'), subject);
    return {
      sealed: 1,
      subject,
      iv: box.iv.toString('base64'),
      tag: box.tag.toString('base64'),
      data: box.data.toString('base64'),
    };
  }

  /** The value as it was sealed, or `null` when the subject's key is erased. */
  async open(sealed: SealedValue): Promise<unknown> {
    const key = await this.keyFor(sealed.subject, 'find');
    if (key === null) return null;
    const plain = gcmOpen(
      key,
      { iv: Buffer.from(sealed.iv, 'base64'), tag: Buffer.from(sealed.tag, 'base64'), data: Buffer.from(sealed.data, 'base64') },
      sealed.subject,
    );
    return JSON.parse(plain.toString('utf8'));
  }

  /** Opens `value` when it is sealed; anything else (no personal data, or none sealed) as it is. */
  async openIfSealed(value: unknown): Promise<unknown> {
    return isSealedValue(value) ? this.open(value) : value;
  }

  async erase(subject: string, at: Date): Promise<void> {
    this.cache.drop(subject);
    await this.keys.erase(subject, at);
    this.cache.drop(subject);
  }

  async isErased(subject: string): Promise<boolean> {
    return (await this.keys.find(subject))?.state === 'erased';
  }

  /** A secret that lives as long as the key table, for keyed hashes of personal data. */
  async systemSecret(name: string): Promise<Buffer> {
    const key = await this.keyFor(`system:${name}`, 'create');
    if (key === null) throw new Error(`The system secret ${name} was erased`);
    return key;
  }

  /** Re-wraps every key still wrapped by a previous master key; answers how many. */
  async rewrapAll(batch = 500): Promise<number> {
    let count = 0;
    for (;;) {
      const page = await this.keys.wrappedByOthers(this.ring.currentId, batch);
      if (page.length === 0) return count;
      for (const { subject, key } of page) {
        await this.keys.replace(subject, key, this.ring.wrap(subject, this.ring.unwrap(subject, key)));
        count++;
      }
    }
  }

  /** The subject's unwrapped key; `null` when erased, or when it has none and `mode` is `find`. */
  private async keyFor(subject: string, mode: 'create' | 'find'): Promise<Buffer | null> {
    const cached = this.cache.get(subject);
    if (cached) return cached;
    const stored = mode === 'create'
      ? await this.keys.getOrCreate(subject, this.ring.wrap(subject, randomBytes(KEY_BYTES)))
      : await this.keys.find(subject);
    if (stored === null || stored.state === 'erased') return null;
    const key = this.ring.unwrap(subject, stored.key);
    this.cache.set(subject, key);
    return key;
  }
}
