/**
 * One entry of the audit log: who did what to which case, when, from where, and why it was let
 * through. It holds ids, route patterns, roles and outcomes only, never a support seeker's
 * personal data (no names, numbers, notes or request bodies).
 */
export interface AuditRecord {
  id: string;
  /** UTC, ISO-8601 with milliseconds and `Z`. */
  at: string;
  /** Null when the request carried no valid token. */
  actor: AuditActor | null;
  /** What was done, derived from the route: `case.read`, `case.contact.record`, `handover.receive`… */
  action: string;
  /** The route pattern (`POST /cases/:id/contacts`), never the concrete path. */
  route: string;
  caseId: string | null;
  /** Other ids the action concerns: `volunteerId`, `linkedCaseId`, `org`, `projection`. */
  targets: Record<string, string>;
  outcome: AuditOutcome;
  origin: AuditOrigin;
  /** Why access was allowed (`role coordinator; case held by caller's org boj-vasterort`) or denied. */
  reason: string;
}

export interface AuditActor {
  sub: string;
  org: string;
  roles: string[];
}

export interface AuditOutcome {
  status: number;
  /** `denied`: the caller was not let at it (401, 403, 404). */
  access: 'allowed' | 'denied';
  /** The error code answered, if any (`case-not-found`, `reach-attempts-not-met`). */
  error: string | null;
}

export interface AuditOrigin {
  /** The client address as express sees it. */
  ip: string | null;
  /** Truncated to USER_AGENT_MAX characters. */
  userAgent: string | null;
  /** The request's correlation id; the events a command appends carry the same one. */
  requestId: string;
}

/** An appended record with its place in the log. */
export interface AuditEntry extends AuditRecord {
  seq: number;
}

export const USER_AGENT_MAX = 200;
