import { randomUUID } from 'node:crypto';
import type { AuditRecord } from '@referral/audit';

/** A plausible record; override any part. Times step by a second from a fixed start. */
export function auditRecord(overrides: Partial<AuditRecord> = {}, second = 0): AuditRecord {
  return {
    id: randomUUID(),
    at: new Date(Date.UTC(2025, 5, 10, 8, 0, second)).toISOString(),
    actor: { sub: 'coord-v', org: 'boj-vasterort', roles: ['coordinator'] },
    action: 'case.read',
    route: 'GET /cases/:id',
    caseId: randomUUID(),
    targets: {},
    outcome: { status: 200, access: 'allowed', error: null },
    origin: { ip: '127.0.0.1', userAgent: 'jest', requestId: randomUUID() },
    reason: "role coordinator; case held by caller's org boj-vasterort",
    ...overrides,
  };
}
