import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { ORG_IDS, ROLES, type Caller, type CallerOrg, type Role } from './caller';

/** The OpenID Connect issuer whose RS256/ES256 tokens are accepted, with the claims they must carry. */
export interface OidcIssuer {
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** The shortest time between two fetches of the key set; an unknown `kid` refetches after it. */
  cooldownSeconds: number;
}

export interface TokenVerifierOptions {
  /** HS256 secrets, the current one first; a previous one stays valid during a rotation. */
  secrets: string[];
  oidc?: OidcIssuer | null;
  clockToleranceSeconds?: number;
}

type KeySet = ReturnType<typeof createRemoteJWKSet>;

const SECRET_ALGORITHMS = ['HS256'];
const ISSUER_ALGORITHMS = ['RS256', 'ES256'];

/**
 * Verifies a bearer token and turns its claims into a Caller; any doubt is a refusal. The header's
 * `alg` picks one path, and each path allows only its own algorithms, so a token signed with HMAC
 * over the issuer's public key never meets that key, and `none` is refused by both.
 */
export class TokenVerifier {
  private readonly secrets: Uint8Array[];
  private readonly clockTolerance: number;
  private readonly oidc: OidcIssuer | null;
  private readonly keySet: KeySet | null;

  constructor(options: TokenVerifierOptions) {
    if (options.secrets.length === 0) throw new Error('TokenVerifier needs at least one HS256 secret');
    this.secrets = options.secrets.map((secret) => new TextEncoder().encode(secret));
    this.clockTolerance = options.clockToleranceSeconds ?? 30;
    this.oidc = options.oidc ?? null;
    this.keySet = this.oidc
      ? createRemoteJWKSet(new URL(this.oidc.jwksUrl), { cooldownDuration: this.oidc.cooldownSeconds * 1000 })
      : null;
  }

  async verify(token: string): Promise<Caller> {
    try {
      return toCaller(await this.verifiedPayload(token));
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new InvalidTokenError('The token has expired');
      throw new InvalidTokenError('The token is not valid');
    }
  }

  private async verifiedPayload(token: string): Promise<JWTPayload> {
    const { alg } = decodeProtectedHeader(token);
    if (alg !== undefined && SECRET_ALGORITHMS.includes(alg)) return this.verifyWithSecrets(token);
    if (alg !== undefined && ISSUER_ALGORITHMS.includes(alg) && this.keySet && this.oidc) {
      const { payload } = await jwtVerify(token, this.keySet, {
        algorithms: ISSUER_ALGORITHMS,
        issuer: this.oidc.issuer,
        audience: this.oidc.audience,
        requiredClaims: ['exp'],
        clockTolerance: this.clockTolerance,
      });
      return payload;
    }
    throw new InvalidTokenError('The token is not valid');
  }

  private async verifyWithSecrets(token: string): Promise<JWTPayload> {
    let failure: unknown;
    for (const key of this.secrets) {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: SECRET_ALGORITHMS, clockTolerance: this.clockTolerance });
        return payload;
      } catch (error) {
        // Only a signature made with another secret is worth trying the next one for.
        if (!(error instanceof joseErrors.JWSSignatureVerificationFailed)) throw error;
        failure = error;
      }
    }
    throw failure;
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
