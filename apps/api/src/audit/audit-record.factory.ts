import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { USER_AGENT_MAX, type AuditRecord } from '@referral/audit';
import type { Caller } from '../auth/caller';
import type { AccessNotes } from './access-notes';
import { auditTargetsOf, caseIdOf } from './audit-targets';
import { requestIdOf } from './request-id';

export interface AuditedExchange {
  request: Request & { caller?: Caller };
  pattern: string;
  action: string;
  notes: AccessNotes;
  status: number;
  /** The error code answered, if any. */
  error: string | null;
  /** The body answered (ids are taken from it, nothing else). */
  answer: unknown;
  at: Date;
  /** Refused by a guard: the handler never ran, whatever the status. */
  refusedByGuard?: boolean;
}

const DENIED = new Set([401, 403, 404]);

/** One audit record for one request: ids, route, roles and outcome, never a body or a name. */
export function auditRecordOf(exchange: AuditedExchange): AuditRecord {
  const { request, pattern, action, notes, status, error, answer, at } = exchange;
  const caller = request.caller;
  const access = exchange.refusedByGuard || DENIED.has(status) ? 'denied' : 'allowed';
  return {
    id: randomUUID(),
    at: at.toISOString(),
    actor: caller ? { sub: caller.sub, org: caller.org, roles: [...caller.roles] } : null,
    action,
    route: `${request.method} ${pattern}`,
    caseId: caseIdOf(pattern, request, answer),
    targets: auditTargetsOf(action, request, answer),
    outcome: { status, access, error },
    origin: {
      ip: request.ip ?? null,
      userAgent: printable(request.header('user-agent'))?.slice(0, USER_AGENT_MAX) ?? null,
      requestId: requestIdOf(request),
    },
    reason: access === 'allowed' ? grantOf(notes) : denialOf(notes, caller, status, error),
  };
}

function grantOf(notes: AccessNotes): string {
  const parts = [notes.roles.length > 0 ? `role ${notes.roles.join(', ')}` : null, notes.caseGrant];
  return parts.filter((part) => part !== null).join('; ') || 'public route';
}

const DENIAL_TEXT: Record<string, string> = {
  'case-not-found': "not a case the caller may see (another org's, not assigned to them) or no such case",
};

function denialOf(notes: AccessNotes, caller: Caller | undefined, status: number, error: string | null): string {
  const code = error ?? `status ${status}`;
  if (notes.roles.length > 0) return `role ${notes.roles.join(', ')}; ${code}${DENIAL_TEXT[code] ? `: ${DENIAL_TEXT[code]}` : ''}`;
  if (status === 401) return 'unauthorized: no valid bearer token';
  if (caller && status === 403) {
    return `forbidden: the caller's roles (${caller.roles.join(', ')}) are not allowed on this route`;
  }
  return `refused before access was checked: ${code}`;
}

function printable(text: string | undefined): string | undefined {
  return text?.replace(/[^\x20-\x7e]/g, '?');
}
