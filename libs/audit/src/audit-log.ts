import type { AuditEntry, AuditRecord } from './audit-record';

export interface AuditQuery {
  caseId: string;
  /** @defaultValue 50 */
  limit?: number;
  cursor?: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

/** The result of walking the whole chain from its first entry. */
export type ChainReport =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entries: number; brokenAt: number; problem: string };

/** Append-only: there is deliberately no way to change or remove an entry. */
export interface AuditLog {
  append(record: AuditRecord): Promise<AuditEntry>;
  /** One case's entries, oldest first. @throws InvalidAuditCursorError */
  query(query: AuditQuery): Promise<AuditPage>;
  verify(): Promise<ChainReport>;
}

export const AUDIT_LOG = Symbol('AUDIT_LOG');
