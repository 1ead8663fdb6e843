import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export interface GcmBox {
  iv: Buffer;
  tag: Buffer;
  data: Buffer;
}

/** AES-256-GCM with a fresh 96-bit IV per message and `aad` authenticated alongside. */
export function gcmSeal(key: Buffer, plaintext: Buffer, aad: string): GcmBox {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), data };
}

/** @throws when the key, the aad or any byte of the box is not what sealed it. */
export function gcmOpen(key: Buffer, box: GcmBox, aad: string): Buffer {
  const decipher = createDecipheriv(ALGORITHM, key, box.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(box.tag);
  return Buffer.concat([decipher.update(box.data), decipher.final()]);
}

/** One buffer `iv | tag | data`, for a wrapped key in a bytea column. */
export function packBox(box: GcmBox): Buffer {
  return Buffer.concat([box.iv, box.tag, box.data]);
}

export function unpackBox(packed: Buffer): GcmBox {
  return {
    iv: packed.subarray(0, IV_BYTES),
    tag: packed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES),
    data: packed.subarray(IV_BYTES + TAG_BYTES),
  };
}
