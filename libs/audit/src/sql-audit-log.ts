import type { SqlClient, SqlExecutor } from '@referral/sql';
import { GENESIS_HASH, chainHash, entryContent } from './audit-chain';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor';
import type { AuditLog, AuditPage, AuditQuery, ChainReport } from './audit-log';
import type { AuditEntry, AuditRecord } from './audit-record';
import { verifyChain, type StoredAuditRow } from './verify-chain';

const DEFAULT_LIMIT = 50;
const VERIFY_BATCH = 1000;
const APPEND_LOCK = 'audit_log:append';
const MAX_LOCKED_ATTEMPTS = 20;

type Link = { seq: number; hash: string } | null;

/** The audit log on the SqlClient (PostgreSQL or PGlite). */
export class SqlAuditLog implements AuditLog {
  /** The last entry this process wrote or read; `undefined` until known. */
  private head: Link | undefined = undefined;
  private appending: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: SqlClient) {}

  /**
   * Appends after the last entry this process knows in one statement. The sequence number is the
   * primary key and entries are immutable, so when another process wrote in between the insert
   * fails on the key (it can never fork the chain); then the head is read again under a
   * transaction-scoped advisory lock, one writer at a time. Appends in this process go one by one.
   */
  append(record: AuditRecord): Promise<AuditEntry> {
    const run = this.appending.then(() => this.appendInOrder(record));
    this.appending = run.catch(() => undefined);
    return run;
  }

  private async appendInOrder(record: AuditRecord): Promise<AuditEntry> {
    if (this.head !== undefined) {
      const known = this.head;
      try {
        return this.advance(await insertAfter(this.db, known, record));
      } catch (error) {
        this.head = undefined;
        if (!isUniqueViolation(error)) throw error;
      }
    }
    // Locked writers exclude each other; a writer on its one-statement path may still take the
    // next number between the read and the insert, so that too is answered by reading again.
    for (let attempt = 1; ; attempt++) {
      try {
        const written = await this.db.transaction(async (tx) => {
          await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [APPEND_LOCK]);
          return insertAfter(tx, await lastLink(tx), record);
        });
        return this.advance(written);
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= MAX_LOCKED_ATTEMPTS) throw error;
      }
    }
  }

  /** Only once the entry is committed does it become the head the next append chains to. */
  private advance(written: { entry: AuditEntry; hash: string }): AuditEntry {
    this.head = { seq: written.entry.seq, hash: written.hash };
    return written.entry;
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

async function insertAfter(db: SqlExecutor, last: Link, record: AuditRecord): Promise<{ entry: AuditEntry; hash: string }> {
  const entry: AuditEntry = { ...record, seq: last ? last.seq + 1 : 1 };
  const previousHash = last?.hash ?? GENESIS_HASH;
  const content = entryContent(entry);
  const hash = chainHash(previousHash, content);
  await db.query(
    `INSERT INTO audit_log (seq, id, at, case_id, content, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [entry.seq, entry.id, entry.at, entry.caseId, content, previousHash, hash],
  );
  return { entry, hash };
}

const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown })?.code === '23505';

async function lastLink(tx: SqlExecutor): Promise<Link> {
  const { rows } = await tx.query<{ seq: string; hash: string }>(
    'SELECT seq::text AS seq, hash FROM audit_log ORDER BY audit_log.seq DESC LIMIT 1',
  );
  return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : null;
}
