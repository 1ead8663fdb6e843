import type { WrappedKey } from './master-key-ring';

/** A subject's key as stored: wrapped by a master key, or gone for good (`erasedAt`). */
export type StoredSubjectKey =
  | { readonly state: 'live'; readonly key: WrappedKey }
  | { readonly state: 'erased'; readonly erasedAt: Date };

/** The key table: one wrapped data key per subject; erasing one leaves only a tombstone. */
export interface SubjectKeyStore {
  /** The subject's key; a new one (`candidate`) is kept when it has none. */
  getOrCreate(subject: string, candidate: WrappedKey): Promise<StoredSubjectKey>;
  /** The subject's key, or null when it never had one. */
  find(subject: string): Promise<StoredSubjectKey | null>;
  /** Forgets the key for good, also when it never had one (later seals are refused). */
  erase(subject: string, at: Date): Promise<void>;
  /** Keys wrapped by another master key than `currentId`, a page at a time. */
  wrappedByOthers(currentId: string, limit: number): Promise<Array<{ subject: string; key: WrappedKey }>>;
  replace(subject: string, from: WrappedKey, to: WrappedKey): Promise<void>;
}
