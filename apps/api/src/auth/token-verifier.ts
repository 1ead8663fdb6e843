import { jwtVerify, errors as joseErrors } from 'jose';
import { ORG_IDS, ROLES, type Caller, type CallerOrg, type Role } from './caller';

/** Verifies a bearer token and turns its claims into a Caller; any doubt is a refusal. */
export class TokenVerifier {
  private readonly key: Uint8Array;

  constructor(secret: string, private readonly clockToleranceSeconds = 30) {
    this.key = new TextEncoder().encode(secret);
  }

  async verify(token: string): Promise<Caller> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        clockTolerance: this.clockToleranceSeconds,
      });
      return toCaller(payload);
    } catch (error) {
      if (error instanceof InvalidClaimsError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new InvalidTokenError('The token has expired');
      throw new InvalidTokenError('The token is not valid');
    }
  }
}

export class InvalidTokenError extends Error {}
export class InvalidClaimsError extends InvalidTokenError {}

function toCaller(payload: Record<string, unknown>): Caller {
  const { sub, org, roles } = payload;
  if (typeof sub !== 'string' || sub.length === 0) throw new InvalidClaimsError('The token has no sub claim');
  if (typeof org !== 'string' || !ORG_IDS.includes(org as CallerOrg)) {
    throw new InvalidClaimsError('The token has no known org claim');
  }
  if (!Array.isArray(roles) || !roles.every((role) => ROLES.includes(role as Role))) {
    throw new InvalidClaimsError('The token has no valid roles claim');
  }
  return { sub, org: org as CallerOrg, roles: roles as Role[] };
}
