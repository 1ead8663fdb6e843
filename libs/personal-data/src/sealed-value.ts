/**
 * Personal data at rest: AES-256-GCM ciphertext under the key of one subject (one person's case
 * stream, one volunteer). The subject is bound in as additional authenticated data, so a sealed
 * value cannot be moved to another subject's record and still open.
 */
export interface SealedValue {
  readonly sealed: 1;
  /** The subject whose key sealed it, e.g. `case-<caseId>`. */
  readonly subject: string;
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}

export function isSealedValue(value: unknown): value is SealedValue {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return v.sealed === 1 && typeof v.subject === 'string' && typeof v.iv === 'string'
    && typeof v.tag === 'string' && typeof v.data === 'string';
}
