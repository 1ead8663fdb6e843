import type { SqlClient } from '@referral/sql';
import { MasterKeyRing } from './master-key-ring';
import { PersonalDataVault, type VaultOptions } from './personal-data-vault';
import { SqlSubjectKeyStore } from './sql-subject-key-store';

export interface VaultKeys {
  masterKey: Buffer;
  /** Master keys being rotated away from: they unwrap, never wrap. */
  previousMasterKeys?: readonly Buffer[];
}

/**
 * The vault on the read-model database's key table. Keys still wrapped by a previous master key
 * are re-wrapped with the current one before it answers, so a rotation ends at the next start.
 */
export async function openVault(db: SqlClient, keys: VaultKeys, options?: VaultOptions): Promise<{ vault: PersonalDataVault; rewrapped: number }> {
  const store = await SqlSubjectKeyStore.open(db);
  const vault = new PersonalDataVault(store, new MasterKeyRing(keys.masterKey, keys.previousMasterKeys), options);
  const rewrapped = await vault.rewrapAll();
  return { vault, rewrapped };
}
