import { migrate, type Migration, type SqlClient } from '@referral/sql';
import type { WrappedKey } from './master-key-ring';
import type { StoredSubjectKey, SubjectKeyStore } from './subject-key-store';

const MIGRATIONS: readonly Migration[] = [
  {
    id: 'pii-keys-1',
    sql: `CREATE TABLE IF NOT EXISTS pii_keys (
      subject_id text PRIMARY KEY,
      master_key_id text,
      wrapped bytea,
      created_at timestamptz NOT NULL DEFAULT now(),
      erased_at timestamptz,
      CHECK ((erased_at IS NULL) = (wrapped IS NOT NULL AND master_key_id IS NOT NULL))
    );`,
  },
];

interface KeyRow {
  master_key_id: string | null;
  wrapped: Uint8Array | null;
  erased_at: Date | string | null;
}

/**
 * The key table in the read-model database (PostgreSQL or PGlite). Erasure overwrites the
 * wrapped key with NULL and vacuums the table, so the old row's bytes do not linger in its file.
 */
export class SqlSubjectKeyStore implements SubjectKeyStore {
  private constructor(private readonly db: SqlClient) {}

  static async open(db: SqlClient): Promise<SqlSubjectKeyStore> {
    await migrate(db, MIGRATIONS);
    return new SqlSubjectKeyStore(db);
  }

  async getOrCreate(subject: string, candidate: WrappedKey): Promise<StoredSubjectKey> {
    const inserted = await this.db.query<KeyRow>(
      `INSERT INTO pii_keys (subject_id, master_key_id, wrapped) VALUES ($1, $2, $3)
       ON CONFLICT (subject_id) DO NOTHING RETURNING master_key_id, wrapped, erased_at`,
      [subject, candidate.masterKeyId, candidate.wrapped],
    );
    if (inserted.rows[0]) return toStored(inserted.rows[0]);
    // A statement of its own: under READ COMMITTED its snapshot sees the row that another
    // transaction committed while the insert above waited on it (the insert's own could not).
    const existing = await this.find(subject);
    if (!existing) throw new Error('pii_keys: the key row vanished during getOrCreate');
    return existing;
  }

  async find(subject: string): Promise<StoredSubjectKey | null> {
    const { rows } = await this.db.query<KeyRow>(
      'SELECT master_key_id, wrapped, erased_at FROM pii_keys WHERE subject_id = $1',
      [subject],
    );
    return rows[0] ? toStored(rows[0]) : null;
  }

  async erase(subject: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO pii_keys (subject_id, master_key_id, wrapped, erased_at) VALUES ($1, NULL, NULL, $2)
       ON CONFLICT (subject_id) DO UPDATE
         SET master_key_id = NULL, wrapped = NULL, erased_at = COALESCE(pii_keys.erased_at, EXCLUDED.erased_at)`,
      [subject, at.toISOString()],
    );
    await this.db.exec('VACUUM pii_keys');
  }

  async wrappedByOthers(currentId: string, limit: number): Promise<Array<{ subject: string; key: WrappedKey }>> {
    const { rows } = await this.db.query<KeyRow & { subject_id: string }>(
      `SELECT subject_id, master_key_id, wrapped, erased_at FROM pii_keys
       WHERE wrapped IS NOT NULL AND master_key_id <> $1 ORDER BY subject_id LIMIT $2`,
      [currentId, limit],
    );
    return rows.map((row) => ({ subject: row.subject_id, key: wrappedOf(row) }));
  }

  async replace(subject: string, from: WrappedKey, to: WrappedKey): Promise<void> {
    await this.db.query(
      `UPDATE pii_keys SET master_key_id = $3, wrapped = $4
       WHERE subject_id = $1 AND master_key_id = $2 AND erased_at IS NULL`,
      [subject, from.masterKeyId, to.masterKeyId, to.wrapped],
    );
  }
}

function toStored(row: KeyRow): StoredSubjectKey {
  if (row.erased_at !== null) return { state: 'erased', erasedAt: new Date(row.erased_at) };
  return { state: 'live', key: wrappedOf(row) };
}

function wrappedOf(row: KeyRow): WrappedKey {
  return { masterKeyId: row.master_key_id!, wrapped: Buffer.from(row.wrapped!) };
}
