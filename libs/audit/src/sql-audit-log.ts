import type { SqlClient, SqlExecutor } from '@referral/sql';
import { GENESIS_HASH, chainHash, entryContent } from './audit-chain';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor';
import type { AuditLog, AuditPage, AuditQuery, ChainReport } from './audit-log';
import type { AuditEntry, AuditRecord } from './audit-record';
import { verifyChain, type StoredAuditRow } from './verify-chain';

const DEFAULT_LIMIT = 50;
const VERIFY_BATCH = 1000;
const APPEND_LOCK = 'audit_log:append';

/** The audit log on the SqlClient (PostgreSQL or PGlite). */
export class SqlAuditLog implements AuditLog {
  constructor(private readonly db: SqlClient) {}

  /** One writer at a time (a transaction-scoped advisory lock), so each entry chains to the last. */
  append(record: AuditRecord): Promise<AuditEntry> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [APPEND_LOCK]);
      const last = await lastLink(tx);
      const entry: AuditEntry = { ...record, seq: last ? last.seq + 1 : 1 };
      const previousHash = last?.hash ?? GENESIS_HASH;
      const content = entryContent(entry);
      await tx.query(
        `INSERT INTO audit_log (seq, id, at, case_id, content, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [entry.seq, entry.id, entry.at, entry.caseId, content, previousHash, chainHash(previousHash, content)],
      );
      return entry;
    });
  }

  async query({ caseId, limit = DEFAULT_LIMIT, cursor }: AuditQuery): Promise<AuditPage> {
    const after = cursor === undefined ? 0 : decodeAuditCursor(cursor);
    const { rows } = await this.db.query<{ content: string }>(
      `SELECT content FROM audit_log WHERE case_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [caseId, after, limit + 1],
    );
    const items = rows.slice(0, limit).map((row) => JSON.parse(row.content) as AuditEntry);
    const more = rows.length > limit;
    return { items, nextCursor: more ? encodeAuditCursor(items[items.length - 1].seq) : null };
  }

  async verify(): Promise<ChainReport> {
    const db = this.db;
    async function* batches(): AsyncGenerator<StoredAuditRow[]> {
      let after = 0;
      for (;;) {
        const { rows } = await db.query<RawRow>(
          `SELECT seq::text AS seq, id::text AS id, at, case_id, content, prev_hash, hash
             FROM audit_log WHERE audit_log.seq > $1 ORDER BY audit_log.seq LIMIT $2`,
          [after, VERIFY_BATCH],
        );
        if (rows.length === 0) return;
        yield rows.map(toStoredRow);
        after = Number(rows[rows.length - 1].seq);
      }
    }
    return verifyChain(batches());
  }
}

interface RawRow {
  seq: string;
  id: string;
  at: Date | string;
  case_id: string | null;
  content: string;
  prev_hash: string;
  hash: string;
}

function toStoredRow(row: RawRow): StoredAuditRow {
  return {
    seq: Number(row.seq),
    id: row.id,
    at: new Date(row.at),
    caseId: row.case_id,
    content: row.content,
    previousHash: row.prev_hash,
    hash: row.hash,
  };
}

async function lastLink(tx: SqlExecutor): Promise<{ seq: number; hash: string } | null> {
  const { rows } = await tx.query<{ seq: string; hash: string }>(
    'SELECT seq::text AS seq, hash FROM audit_log ORDER BY audit_log.seq DESC LIMIT 1',
  );
  return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : null;
}
