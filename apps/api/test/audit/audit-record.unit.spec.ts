import type { Request } from 'express';
import { auditedAction, routePatternOf } from '../../src/audit/audited-routes';
import { auditRecordOf, type AuditedExchange } from '../../src/audit/audit-record.factory';
import type { Caller } from '../../src/auth/caller';

const CASE = '4f6d1c2e-8b1a-4c3d-9e5f-0a1b2c3d4e5f';
const coordinator: Caller = { sub: 'coord-v', org: 'boj-vasterort', roles: ['coordinator'] };

function exchange(overrides: Partial<Omit<AuditedExchange, 'request'>> & { request?: Partial<Request> & { caller?: Caller } } = {}): AuditedExchange {
  const headers: Record<string, string> = { 'x-request-id': 'req-1', 'user-agent': 'Mozilla/5.0 \u00e5'.padEnd(500, 'x') };
  const request = {
    method: 'POST', ip: '10.0.0.7', params: { id: CASE }, query: {}, body: {}, caller: coordinator, headers,
    header: (name: string) => headers[name.toLowerCase()],
    ...overrides.request,
  } as unknown as AuditedExchange['request'];
  return {
    pattern: '/cases/:id/assignment', action: 'case.assign', status: 200, error: null, answer: null,
    notes: { roles: ['coordinator'], caseGrant: "case held by caller's org boj-vasterort", recorded: false },
    at: new Date('2025-06-10T08:00:00Z'),
    ...overrides,
    request,
  };
}

describe('which requests are audited', () => {
  it('names the case routes, audits every POST, and leaves lists out', () => {
    expect(routePatternOf({ route: { path: '/api/v1/cases/:id' } })).toBe('/cases/:id');
    expect(routePatternOf({})).toBeNull();
    expect(auditedAction('GET', '/cases/:id')).toBe('case.read');
    expect(auditedAction('POST', '/cases/:id/contacts')).toBe('case.contact.record');
    expect(auditedAction('POST', '/some/:id/new-thing')).toBe('command.some.new-thing');
    expect(auditedAction('GET', '/cases')).toBeNull();
    expect(auditedAction('GET', '/sla/breaches')).toBeNull();
  });
});

describe('an audit record', () => {
  it('says who, what, when, from where and why it was allowed', () => {
    const record = auditRecordOf(exchange({ request: { body: { volunteerId: 'A1B2C3D4-0000-4000-8000-000000000001' } } }));
    expect(record).toMatchObject({
      at: '2025-06-10T08:00:00.000Z',
      actor: coordinator,
      action: 'case.assign',
      route: 'POST /cases/:id/assignment',
      caseId: CASE,
      targets: { volunteerId: 'a1b2c3d4-0000-4000-8000-000000000001' },
      outcome: { status: 200, access: 'allowed', error: null },
      origin: { ip: '10.0.0.7', requestId: 'req-1' },
      reason: "role coordinator; case held by caller's org boj-vasterort",
    });
    expect(record.origin.userAgent).toHaveLength(200);
    expect(record.origin.userAgent).toMatch(/^Mozilla\/5\.0 \?x/);
  });

  it('records no free text where an id belongs', () => {
    const record = auditRecordOf(exchange({
      action: 'case.link',
      pattern: '/cases/:id/links',
      request: { params: { id: 'Testa Fiktiv 19850412-1234' }, body: { to: 'Testa Fiktiv', note: 'ringde +46 70 000 00 00' } },
      answer: { linkedTo: { caseId: 'Testa', org: 'stodcentrum' }, person: { givenName: 'Testa' } },
    }));
    expect(record.caseId).toBeNull();
    expect(record.targets).toEqual({});
    expect(JSON.stringify(record)).not.toMatch(/Testa|Fiktiv|1985|\+46/);
  });

  it('gives the reason of a denial', () => {
    expect(auditRecordOf(exchange({ status: 401, error: 'unauthorized', request: { caller: undefined }, notes: { roles: [], caseGrant: null, recorded: false } })))
      .toMatchObject({ actor: null, outcome: { access: 'denied' }, reason: 'unauthorized: no valid bearer token' });
    expect(auditRecordOf(exchange({ status: 403, error: 'forbidden', notes: { roles: [], caseGrant: null, recorded: false } })).reason)
      .toBe("forbidden: the caller's roles (coordinator) are not allowed on this route");
    expect(auditRecordOf(exchange({ status: 404, error: 'case-not-found', notes: { roles: ['coordinator'], caseGrant: null, recorded: false } })).reason)
      .toMatch(/^role coordinator; case-not-found: not a case the caller may see/);
    expect(auditRecordOf(exchange({ status: 429, error: 'too-many-requests', refusedByGuard: true })))
      .toMatchObject({ outcome: { access: 'denied' }, reason: 'role coordinator; too-many-requests' });
    expect(auditRecordOf(exchange({ status: 409, error: 'reach-attempts-not-met' })).outcome)
      .toEqual({ status: 409, access: 'allowed', error: 'reach-attempts-not-met' });
  });
});
