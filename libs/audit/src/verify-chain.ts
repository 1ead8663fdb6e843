import { GENESIS_HASH, chainHash } from './audit-chain';
import type { ChainReport } from './audit-log';

/** One row as stored: the hashed content and the columns copied out of it. */
export interface StoredAuditRow {
  seq: number;
  id: string;
  at: Date;
  caseId: string | null;
  content: string;
  previousHash: string;
  hash: string;
}

/**
 * Walks the rows in sequence order and reports the first that does not follow from the one
 * before: a gap, a broken link, content that no longer matches its hash, or a lookup column
 * that disagrees with the content.
 */
export async function verifyChain(batches: AsyncIterable<StoredAuditRow[]>): Promise<ChainReport> {
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  let entries = 0;
  for await (const rows of batches) {
    for (const row of rows) {
      const problem = problemOf(row, expectedSeq, previousHash);
      if (problem) return { ok: false, entries, brokenAt: row.seq, problem };
      entries += 1;
      expectedSeq = row.seq + 1;
      previousHash = row.hash;
    }
  }
  return { ok: true, entries, headHash: previousHash };
}

function problemOf(row: StoredAuditRow, expectedSeq: number, previousHash: string): string | null {
  if (row.seq !== expectedSeq) return `entry ${expectedSeq} is missing`;
  if (row.previousHash !== previousHash) return 'does not link to the entry before it';
  if (chainHash(row.previousHash, row.content) !== row.hash) return 'content does not match its hash';
  let content: { seq?: unknown; id?: unknown; at?: unknown; caseId?: unknown };
  try {
    content = JSON.parse(row.content) as typeof content;
  } catch {
    return 'content is not JSON';
  }
  if (content.seq !== row.seq || content.id !== row.id || content.caseId !== row.caseId) {
    return 'columns disagree with the hashed content';
  }
  if (typeof content.at !== 'string' || Date.parse(content.at) !== row.at.getTime()) {
    return 'time disagrees with the hashed content';
  }
  return null;
}
