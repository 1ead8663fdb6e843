import { randomBytes } from 'node:crypto';
import { sqlBackends, type TestDatabase } from '../../../test/support/databases';
import { PersonalDataErasedError, isSealedValue, openVault, type PersonalDataVault } from '../src';

const person = { givenName: 'Testa', familyName: 'Exempel', phone: '+46 70 000 00 00', note: 'Ring efter 18' };

describe.each(sqlBackends)('the personal-data vault on %s', (_name, open) => {
  let db: TestDatabase;
  const masterKey = randomBytes(32);
  let vault: PersonalDataVault;

  beforeEach(async () => {
    db = await open();
    // No key cache, so every open asks the key table, as another process would.
    vault = (await openVault(db.client, { masterKey }, { keyCacheMs: 0 })).vault;
  });
  afterEach(() => db.dispose());

  it('seals with one key per subject and opens it again; the table holds no plain key', async () => {
    const sealed = await vault.seal('case-a', person);
    expect(isSealedValue(sealed)).toBe(true);
    expect(JSON.stringify(sealed)).not.toMatch(/Testa|Exempel|000 00|Ring/);
    expect(await vault.open(sealed)).toEqual(person);
    const again = await vault.seal('case-a', person);
    expect(again.data).not.toBe(sealed.data);
    const rows = await db.client.query<{ subject_id: string }>('SELECT subject_id FROM pii_keys ORDER BY subject_id');
    expect(rows.rows.map((r) => r.subject_id)).toEqual(['case-a']);
  });

  it('cannot open a sealed value moved to another subject', async () => {
    const sealed = await vault.seal('case-a', person);
    await vault.seal('case-b', { note: 'x' });
    await expect(vault.open({ ...sealed, subject: 'case-b' })).rejects.toThrow();
  });

  it('erases a key for good: every copy opens as null, new seals are refused, other subjects stay', async () => {
    const sealed = await vault.seal('case-a', person);
    const other = await vault.seal('case-b', person);
    await vault.erase('case-a', new Date('2025-07-01T10:00:00Z'));
    expect(await vault.open(sealed)).toBeNull();
    expect(await vault.isErased('case-a')).toBe(true);
    await expect(vault.seal('case-a', person)).rejects.toBeInstanceOf(PersonalDataErasedError);
    expect(await vault.open(other)).toEqual(person);
    const row = await db.client.query<{ wrapped: unknown; erased_at: unknown }>(
      "SELECT wrapped, erased_at FROM pii_keys WHERE subject_id = 'case-a'",
    );
    expect(row.rows[0]).toMatchObject({ wrapped: null });
    await vault.erase('case-a', new Date());
    await vault.erase('case-never-sealed', new Date());
    await expect(vault.seal('case-never-sealed', person)).rejects.toBeInstanceOf(PersonalDataErasedError);
  });

  it('erasing in this process drops the cached key at once', async () => {
    const cached = (await openVault(db.client, { masterKey }, { keyCacheMs: 60_000 })).vault;
    const sealed = await cached.seal('case-a', person);
    expect(await cached.open(sealed)).toEqual(person);
    await cached.erase('case-a', new Date());
    expect(await cached.open(sealed)).toBeNull();
  });

  it('rotates the master key: the next start re-wraps every key, and the old master key can then go', async () => {
    const sealed = await vault.seal('case-a', person);
    const systemSecret = await vault.systemSecret('fingerprint');
    await vault.erase('case-erased', new Date());
    const newMaster = randomBytes(32);
    const rotating = await openVault(db.client, { masterKey: newMaster, previousMasterKeys: [masterKey] }, { keyCacheMs: 0 });
    expect(rotating.rewrapped).toBe(2);
    expect(await rotating.vault.open(sealed)).toEqual(person);
    const rotated = await openVault(db.client, { masterKey: newMaster }, { keyCacheMs: 0 });
    expect(rotated.rewrapped).toBe(0);
    expect(await rotated.vault.open(sealed)).toEqual(person);
    expect((await rotated.vault.systemSecret('fingerprint')).equals(systemSecret)).toBe(true);
    expect(await rotated.vault.isErased('case-erased')).toBe(true);
  });

  it('does not start with a master key that cannot unwrap the keys it finds, and names what is missing', async () => {
    await vault.seal('case-a', person);
    await expect(openVault(db.client, { masterKey: randomBytes(32) })).rejects.toThrow(/PII_MASTER_KEY_PREVIOUS/);
  });

  it('gives 50 concurrent first seals of one new subject the same key, 20 runs in a row', async () => {
    // No key cache and a pool of several connections (on PostgreSQL), so every seal races in the key table.
    for (let run = 0; run < 20; run++) {
      const subject = `case-new-${run}`;
      const sealed = await Promise.all(Array.from({ length: 50 }, (_, i) => vault.seal(subject, { note: `n${i}` })));
      const opened = await Promise.all(sealed.map((s) => vault.open(s)));
      expect(opened).toEqual(Array.from({ length: 50 }, (_, i) => ({ note: `n${i}` })));
      const keys = await db.client.query('SELECT count(*)::int AS n FROM pii_keys WHERE subject_id = $1', [subject]);
      expect(keys.rows[0]).toEqual({ n: 1 });
    }
  });
});
