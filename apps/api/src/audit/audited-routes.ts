import { API_PREFIX } from '../configure-http';

/**
 * What gets audited: every command (every POST), and every GET that answers a case's personal
 * data. `GET /cases` is not audited: a worklist holds only the list fields (ids, org, status,
 * dates, SLA state), no name, number or note, and it is polled all day, so recording it would
 * bury the reads that matter. The deadline, statistics and volunteer lists hold no personal data
 * of support seekers either.
 */
const ACTIONS: Record<string, string> = {
  'POST /handovers': 'handover.receive',
  'POST /cases': 'case.register',
  'GET /cases/:id': 'case.read',
  'POST /cases/:id/assignment': 'case.assign',
  'POST /cases/:id/contacts': 'case.contact.record',
  'POST /cases/:id/links': 'case.link',
  'POST /cases/:id/triage': 'case.triage.resolve',
  'POST /cases/:id/closure': 'case.close',
  'POST /cases/:id/erasure': 'case.erase',
  'POST /orgs/:org/volunteers': 'volunteer.register',
  'POST /orgs/:org/volunteers/:id/deactivation': 'volunteer.deactivate',
  'POST /orgs/:org/volunteers/:id/languages': 'volunteer.languages.change',
  'POST /orgs/:org/trainings': 'training.record',
  'POST /admin/projections/:name/rebuild': 'projection.rebuild',
  'GET /audit': 'audit.read',
  'POST /surveys/:token': 'survey.answer',
};

/** The route pattern without the API prefix (`/cases/:id`), or null for a path no route matched. */
export function routePatternOf(request: { route?: { path?: unknown } }): string | null {
  const path = request.route?.path;
  if (typeof path !== 'string') return null;
  const withoutPrefix = path.startsWith(`/${API_PREFIX}`) ? path.slice(API_PREFIX.length + 1) : path;
  return withoutPrefix.replace(/\/$/, '') || '/';
}

/** The action a request performs, or null when it is not audited. */
export function auditedAction(method: string, pattern: string): string | null {
  const named = ACTIONS[`${method} ${pattern}`];
  if (named) return named;
  // A command route added later is still audited, under a name taken from its path.
  if (method === 'POST') return `command${pattern.split('/').filter((part) => part && !part.startsWith(':')).map((part) => `.${part}`).join('')}`;
  return null;
}
