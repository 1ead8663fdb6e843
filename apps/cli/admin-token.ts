import { SignJWT } from 'jose';
import { loadConfig } from '@referral/config';
import { resolveAuthSecret } from '@referral/platform';

/**
 * A short-lived token signed with the service's own secret (from the environment, or the embedded
 * one under DATA_DIR), for the operator CLIs and the demo.
 */
export async function operatorToken(
  org: string,
  roles: string[],
  sub: string,
  expires = '8h',
  secret = resolveAuthSecret(loadConfig(process.env)).secret,
): Promise<string> {
  return new SignJWT({ org, roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expires)
    .sign(new TextEncoder().encode(secret));
}
