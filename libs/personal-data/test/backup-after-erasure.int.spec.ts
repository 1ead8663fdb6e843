import { randomBytes } from 'node:crypto';
import { sqlBackends, type TestDatabase } from '../../../test/support/databases';
import { UnknownMasterKeyError, openVault } from '../src';

const person = { givenName: 'Testa', familyName: 'Exempel', note: 'Ring efter 18' };

interface KeyRow {
  subject_id: string;
  master_key_id: string | null;
  wrapped: Buffer | null;
  erased_at: unknown;
}

/**
 * What the README promises about backups, exactly: a copy of `pii_keys` taken before an erasure,
 * together with the master key that wrapped it, still opens the erased person's data; once the
 * master key has been rotated and the old one destroyed, that copy opens nothing. (The event
 * store's own backups hold sealed values only.)
 */
describe.each(sqlBackends)('a backup of the key table from before an erasure on %s', (_name, open) => {
  const databases: TestDatabase[] = [];
  const fresh = async () => {
    const db = await open();
    databases.push(db);
    return db;
  };
  afterEach(async () => {
    for (const db of databases.splice(0)) await db.dispose();
  });

  async function restore(rows: readonly KeyRow[]): Promise<TestDatabase> {
    const db = await fresh();
    await openVault(db.client, { masterKey: randomBytes(32) }); // creates the table, as at start-up
    for (const row of rows) {
      await db.client.query('INSERT INTO pii_keys (subject_id, master_key_id, wrapped, erased_at) VALUES ($1, $2, $3, $4)', [
        row.subject_id, row.master_key_id, row.wrapped, row.erased_at,
      ]);
    }
    return db;
  }

  it('opens the erased data only while the master key that wrapped it still exists', async () => {
    const oldMaster = randomBytes(32);
    const live = await fresh();
    const { vault } = await openVault(live.client, { masterKey: oldMaster }, { keyCacheMs: 0 });
    const erased = await vault.seal('case-erased', person);
    const kept = await vault.seal('case-kept', person);
    const backup = (await live.client.query<KeyRow>('SELECT subject_id, master_key_id, wrapped, erased_at FROM pii_keys')).rows;

    await vault.erase('case-erased', new Date('2025-07-01T10:00:00Z'));
    expect(await vault.open(erased)).toBeNull();

    // The caveat the README states: the old copy and the same master key still open it.
    const restoredWithOldMaster = await restore(backup);
    const fromBackup = (await openVault(restoredWithOldMaster.client, { masterKey: oldMaster }, { keyCacheMs: 0 })).vault;
    expect(await fromBackup.open(erased)).toEqual(person);

    // The operating step that closes it: rotate the master key, then destroy the old one.
    const newMaster = randomBytes(32);
    const rotation = await openVault(live.client, { masterKey: newMaster, previousMasterKeys: [oldMaster] }, { keyCacheMs: 0 });
    expect(rotation.rewrapped).toBe(1); // only the kept person's key is left to re-wrap
    const afterRotation = (await openVault(live.client, { masterKey: newMaster }, { keyCacheMs: 0 })).vault;
    expect(await afterRotation.open(kept)).toEqual(person);
    expect(await afterRotation.open(erased)).toBeNull();

    const restoredAfterRotation = await restore(backup);
    await expect(openVault(restoredAfterRotation.client, { masterKey: newMaster }, { keyCacheMs: 0 })).rejects.toBeInstanceOf(
      UnknownMasterKeyError,
    );
  });
});
