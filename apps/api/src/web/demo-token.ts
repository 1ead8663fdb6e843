import type { Request, Response } from 'express';
import { operatorTokenFor } from './operator-token';
import { ORG_IDS, type CallerOrg } from '../auth/caller';

/** The roles a person signs in with; the Police integration is a system, not a person at a screen. */
export const DEMO_ROLES = ['volunteer', 'coordinator', 'staff', 'analyst', 'admin'] as const;
const SUB_PATTERN = /^[A-Za-z0-9@._:-]{1,128}$/;
// A display name: letters, spaces and the punctuation names have; no control or markup characters.
const NAME_PATTERN = /^[\p{L}\p{M} .'-]{1,80}$/u;

/**
 * `POST /app/demo-token` `{org, role, sub?, name?}` in demo mode only: a token for the sign-in page's
 * choice of org and role, so a newcomer can try each role without an identity provider.
 */
export function demoTokenHandler(secret: string) {
  return (request: Request, response: Response): void => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const details: { path: string; message: string }[] = [];
    if (!ORG_IDS.includes(body.org as CallerOrg)) details.push({ path: 'org', message: `must be one of ${ORG_IDS.join(', ')}` });
    if (!DEMO_ROLES.includes(body.role as (typeof DEMO_ROLES)[number])) details.push({ path: 'role', message: `must be one of ${DEMO_ROLES.join(', ')}` });
    if (body.sub !== undefined && (typeof body.sub !== 'string' || !SUB_PATTERN.test(body.sub))) {
      details.push({ path: 'sub', message: 'must be 1-128 letters, digits or @._:-' });
    }
    if (body.name !== undefined && (typeof body.name !== 'string' || !NAME_PATTERN.test(body.name))) {
      details.push({ path: 'name', message: "must be 1-80 letters, spaces or .'-" });
    }
    if (details.length > 0) {
      response.status(400).json({ error: 'validation-failed', message: 'The demo sign-in request is not valid', details });
      return;
    }
    const org = body.org as string;
    const role = body.role as string;
    const sub = typeof body.sub === 'string' ? body.sub : `${role}@${org}`;
    const name = typeof body.name === 'string' ? body.name : undefined;
    operatorTokenFor(secret, org, [role], sub, '8h', name).then(
      (token) => response.status(201).json({ token }),
      () => response.status(500).json({ error: 'internal', message: 'The demo token could not be made' }),
    );
  };
}
