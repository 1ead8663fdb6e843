import type { Request } from 'express';
import { ORG_IDS } from '../auth/caller';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IDENTIFIER = /^[a-z][a-z0-9_]{0,49}$/;
const KNOWN_ORGS: readonly string[] = [...ORG_IDS, 'triage'];

/**
 * Values from a path, query or body are only recorded when they have the shape of an id the
 * service hands out (a UUID, a known org id, a projection name): free text sent in their place
 * could be anything, personal data included.
 */
const uuid = (value: unknown): string | null => (typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : null);
const org = (value: unknown): string | null => (typeof value === 'string' && KNOWN_ORGS.includes(value) ? value : null);
const identifier = (value: unknown): string | null => (typeof value === 'string' && IDENTIFIER.test(value) ? value : null);

type Source = Pick<Request, 'params' | 'query' | 'body'>;

export function caseIdOf(pattern: string, request: Source, answer: unknown): string | null {
  if (pattern.startsWith('/cases/:id')) return uuid(request.params?.id);
  if (pattern === '/audit') return uuid(request.query?.caseId);
  if (pattern === '/handovers' || pattern === '/cases') return uuid(field(answer, 'caseId'));
  return null;
}

/** The other ids an action concerns. */
export function auditTargetsOf(action: string, request: Source, answer: unknown): Record<string, string> {
  const candidates = candidatesOf(action, request, answer);
  return Object.fromEntries(Object.entries(candidates).filter((entry): entry is [string, string] => entry[1] !== null));
}

function candidatesOf(action: string, request: Source, answer: unknown): Record<string, string | null> {
  const body = request.body as unknown;
  switch (action) {
    case 'handover.receive':
    case 'case.register':
      return { routedTo: org(field(answer, 'routedTo')) };
    case 'case.assign':
      return { volunteerId: uuid(field(body, 'volunteerId')) };
    case 'case.link':
      return { org: org(field(body, 'to')), linkedCaseId: uuid(field(field(answer, 'linkedTo'), 'caseId')) };
    case 'case.triage.resolve':
      return { org: org(field(body, 'routeTo')) };
    case 'volunteer.register':
      return { org: org(request.params?.org), volunteerId: uuid(field(answer, 'volunteerId')) };
    case 'volunteer.deactivate':
      return { org: org(request.params?.org), volunteerId: uuid(request.params?.id) };
    case 'projection.rebuild':
      return { projection: identifier(request.params?.name) };
    default:
      return {};
  }
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}
