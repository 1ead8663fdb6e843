import { SignJWT } from 'jose';
import { loadConfig } from '@referral/config';
import { resolveAuthSecret } from '@referral/platform';

/** A short-lived token signed with the service's own secret, for the operator CLIs. */
export async function operatorToken(org: string, roles: string[], sub: string, expires = '8h'): Promise<string> {
  const { secret } = resolveAuthSecret(loadConfig(process.env));
  return new SignJWT({ org, roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expires)
    .sign(new TextEncoder().encode(secret));
}
